import sys; sys.path.insert(0,'/work/sealed3/_making')
from draft import *
pdf = pdfplumber.open('/work/shared/corpus-wide/walmart_FY2024Q1_10q_en.pdf')
q23=("Three Months Ended April 30, 2023","2023-04-30","duration","2023-02-01")
q22=("Three Months Ended April 30, 2022","2022-04-30","duration","2022-02-01")
rows=[]
rows+=draft(pdf,3,'income_statement',160,450,300,[(490,545)+q23,(546,600)+q22])
rows+=draft(pdf,5,'balance_sheet',115,570,300,[(380,450,"April 30, 2023","2023-04-30","instant",""),(451,522,"January 31, 2023","2023-01-31","instant",""),(523,600,"April 30, 2022","2022-04-30","instant","")])
rows+=draft(pdf,7,'cash_flow',118,500,320,[(455,525)+q23,(526,600)+q22])
write(rows,'/work/sealed3/walmart_FY2024Q1_10q_en.csv')
show(rows); print(len(rows))
from collections import Counter; print(Counter((r['page'],r['statement']) for r in rows))
