import csv, re, collections, pdfplumber
try:
    import pypdfium2 as pdfium
except ImportError: pdfium=None
print('pdfium', pdfium is not None)
for doc in ['walmart_FY2024Q1_10q_en','adobe_2022Q2_10q_en','pfizer_2023Q2_en','brave-bison_FY2022_en']:
    rows=list(csv.DictReader(open(f'/work/sealed3/{doc}.csv',encoding='utf-8')))
    pdf=pdfplumber.open(f'/work/shared/corpus-wide/{doc}.pdf')
    pd = pdfium.PdfDocument(f'/work/shared/corpus-wide/{doc}.pdf') if pdfium else None
    need=collections.Counter((r['page'],r['value_text']) for r in rows if re.search(r'\d',r['value_text']))
    bad=0; badw=0
    for (pg,vt),n in need.items():
        words=[w['text'] for w in pdf.pages[int(pg)-1].extract_words(x_tolerance=1.5)]
        if words.count(vt)<n: badw+=1; print(doc,'words',pg,vt,words.count(vt),n)
        if pd:
            t=pd[int(pg)-1].get_textpage().get_text_range()
            cnt=len(re.findall(r'(?<![\d,.])'+re.escape(vt)+r'(?![\d,])',t))
            if cnt<n: bad+=1; print(doc,'pdfium',pg,vt,cnt,n)
    # value consistency
    for r in rows:
        v=r['value_text'].replace(',','').rstrip('p')
        if r['value']:
            neg=v.startswith('(')
            assert ('-' if neg else '')+v.strip('()')==r['value'], r
        else: assert r['value_text'] in ('—','-'), r
    print(doc, len(rows), 'distinct pairs', len(need), 'missing pdfium', bad, 'missing words', badw)
