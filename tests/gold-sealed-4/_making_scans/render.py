# Renders every page at 400 dpi into img/ (the strips were cut from these with strip.py).
import pypdfium2 as p, os
os.makedirs('img',exist_ok=True)
for n in ['boa-bf_2024H1_fr','filtisac-ci_FY2023_fr']:
    d=p.PdfDocument(n+'.pdf')
    for i in range(len(d)):
        d[i].render(scale=400/72).to_pil().save(f'img/{n}_p{i+1}.png')
