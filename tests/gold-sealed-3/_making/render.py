import sys, pdfplumber
f, page, x0,y0,x1,y1, res, out = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:7]), int(sys.argv[7]), sys.argv[8]
with pdfplumber.open('/work/shared/corpus-wide/'+f) as pdf:
    pdf.pages[page-1].crop((x0,y0,x1,y1)).to_image(resolution=res).save(out)
