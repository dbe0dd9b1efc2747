import sys; sys.path.insert(0,'/work/sealed4/_making')
from draft import *
pdf = pdfplumber.open('/work/shared/corpus-wide/americanwater_2023Q2_10q_en.pdf')
q23=("For the Three Months Ended June 30, 2023","2023-06-30","duration","2023-04-01")
q22=("For the Three Months Ended June 30, 2022","2022-06-30","duration","2022-04-01")
h23=("For the Six Months Ended June 30, 2023","2023-06-30","duration","2023-01-01")
h22=("For the Six Months Ended June 30, 2022","2022-06-30","duration","2022-01-01")
b23=("June 30, 2023","2023-06-30","instant","")
b22=("December 31, 2022","2022-12-31","instant","")
rows=[]
rows+=draft(pdf,6,'balance_sheet',135,390,420,[(440,505)+b23,(530,600)+b22])
rows+=draft(pdf,7,'balance_sheet',130,520,420,[(440,505)+b23,(530,600)+b22],
  joins=['Common stock ($0.01 par value; 500,000,000 shares authorized; 200,083,363 and 187,200,539 shares issued,'])
rows+=draft(pdf,8,'income_statement',115,430,245,[(290,330)+q23,(380,420)+q22,(470,510)+h23,(560,600)+h22])
rows+=draft(pdf,10,'cash_flow',120,580,420,[(440,505)+h23,(530,600)+h22],
  joins=['Advances and contributions in aid of construction, net of refunds of $16 and $8 for the six months ended'])
write(rows,'/work/sealed4/americanwater_2023Q2_10q_en.csv')
show(rows); print(len(rows))
from collections import Counter; print(Counter((r['page'],r['statement']) for r in rows))
