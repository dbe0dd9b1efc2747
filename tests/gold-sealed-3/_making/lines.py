import sys, pdfplumber
f, pages = sys.argv[1], [int(x) for x in sys.argv[2].split(',')]
with pdfplumber.open('/work/shared/corpus-wide/'+f) as pdf:
    for pn in pages:
        pg = pdf.pages[pn-1]
        print('=== page', pn, pg.width, pg.height)
        ws = pg.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5)
        ws.sort(key=lambda w:(round(w['top']),w['x0']))
        lines=[]
        for w in ws:
            if lines and abs(lines[-1][0]-w['top'])<3: lines[-1][1].append(w)
            else: lines.append([w['top'],[w]])
        for top,l in lines:
            l.sort(key=lambda w:w['x0'])
            print(f"{top:6.1f} "+'  '.join(f"{w['text']}@{w['x0']:.0f}-{w['x1']:.0f}" for w in l))
