import csv, re, pdfplumber
from decimal import Decimal
HEADER = ['page','statement','label','column_header','period_end','period_type','period_start','value_text','value']

def parse(vt):
    t = vt.replace('$','').replace('£','').strip()
    if t.endswith('p') and t[:-1].replace('.','').isdigit(): t=t[:-1]
    if t in ('—','-','–',''): return ''
    neg = t.startswith('(') and t.endswith(')')
    t = t.strip('()').replace(',','')
    if t.startswith('-'): neg=True; t=t[1:]
    Decimal(t)
    return ('-' if neg else '')+t

def lines_of(pdf, page, ytop, ybot, xtol=1.5, xmin=0):
    pg = pdf.pages[page-1]
    ws = [w for w in pg.extract_words(x_tolerance=xtol) if ytop <= w['top'] <= ybot and w['x0'] >= xmin]
    ws.sort(key=lambda w:(round(w['top']),w['x0']))
    lines=[]
    for w in ws:
        if lines and abs(lines[-1][0]-w['top'])<3: lines[-1][1].append(w)
        else: lines.append([w['top'],[w]])
    for l in lines: l[1].sort(key=lambda w:w['x0'])
    return lines

def draft(pdf, page, statement, ytop, ybot, label_xmax, cols, joins=(), skip=(), rename=None, xtol=1.5, ignore=(), xmin=0):
    """cols: list of (x0,x1,header,end,type,start). joins: label texts (of the first line) to join to next line."""
    out=[]; pending=''
    for top, ws in lines_of(pdf, page, ytop, ybot, xtol, xmin):
        label = ' '.join(w['text'] for w in ws if w['x1'] <= label_xmax)
        label = re.sub(r'(\s*\.){2,}\s*$', '', label).strip()
        vals=[]
        for (x0,x1,h,e,t,s) in cols:
            cell=[w['text'] for w in ws if w['x0']>=x0 and w['x1']<=x1 and w['text']!='$']
            vals.append(' '.join(cell))
        other=[w['text'] for w in ws if w['x1']>label_xmax and not any(w['x0']>=c[0] and w['x1']<=c[1] for c in list(cols)+list(ignore)) and w['text']!='$']
        if other: print('WARN unassigned', page, round(top), other)
        if pending: label = pending+' '+label; pending=''
        if label in joins: pending = label; continue
        if not any(vals): 
            continue
        if label in skip: continue
        if rename and label in rename: label = rename[label]
        for (x0,x1,h,e,t,s),v in zip(cols,vals):
            if v: out.append(dict(page=page,statement=statement,label=label,column_header=h,period_end=e,period_type=t,period_start=s,value_text=v,value=parse(v)))
    if pending: print('WARN pending join', pending)
    return out

def write(rows, path):
    with open(path,'w',newline='',encoding='utf-8') as f:
        w=csv.DictWriter(f, fieldnames=HEADER, lineterminator='\n'); w.writeheader(); w.writerows(rows)

def show(rows):
    for r in rows: print(r['page'], r['statement'][:4], '|', r['label'], '|', r['column_header'], '|', r['value_text'], r['value'])
