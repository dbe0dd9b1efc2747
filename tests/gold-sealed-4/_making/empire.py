import sys; sys.path.insert(0,'/work/sealed4/_making')
from draft import *
pdf = pdfplumber.open('/work/shared/corpus-wide/empire-company_FY2022_en.pdf')
y22=("53 and 52 Weeks Ended May 7, 2022","2022-05-07","duration","2021-05-02")
y21=("53 and 52 Weeks Ended May 1, 2021","2021-05-01","duration","2020-05-03")
b22=("As At May 7, 2022","2022-05-07","instant","")
b21=("As At May 1, 2021","2021-05-01","instant","")
rows=[]
rows+=draft(pdf,48,'balance_sheet',110,670,400,[(425,470)+b22,(488,540)+b21],xmin=80)
rows+=draft(pdf,49,'income_statement',110,370,400,[(420,465)+y22,(485,535)+y21],xmin=75,ignore=[(570,600)])
rows+=draft(pdf,52,'cash_flow',110,650,400,[(425,472)+y22,(488,540)+y21],xmin=80)
write(rows,'/work/sealed4/empire-company_FY2022_en.csv')
show(rows); print(len(rows))
from collections import Counter; print(Counter((r['page'],r['statement']) for r in rows))
