import sys; sys.path.insert(0,'/work/sealed4/_making')
from draft import *
pdf = pdfplumber.open('/work/shared/corpus-wide/downer-edi_FY2022_en.pdf')
y22=("2022 $’m","2022-06-30","duration","2021-07-01")
y21=("2021 $’m","2021-06-30","duration","2020-07-01")
b22=("2022 $’m","2022-06-30","instant","")
b21=("2021 $’m","2021-06-30","instant","")
rows=[]
rows+=draft(pdf,61,'income_statement',160,760,395,[(440,497)+y22,(505,560)+y21],ignore=[(395,440)])
rows+=draft(pdf,62,'balance_sheet',160,770,395,[(430,482)+b22,(490,545)+b21],ignore=[(395,425)])
rows+=draft(pdf,64,'cash_flow',180,680,395,[(430,482)+y22,(490,545)+y21],ignore=[(395,425)])
write(rows,'/work/sealed4/downer-edi_FY2022_en.csv')
show(rows); print(len(rows))
from collections import Counter; print(Counter((r['page'],r['statement']) for r in rows))
