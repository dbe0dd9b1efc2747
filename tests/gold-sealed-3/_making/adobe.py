import sys; sys.path.insert(0,'/work/sealed3/_making')
from draft import *
pdf = pdfplumber.open('/work/shared/corpus-wide/adobe_2022Q2_10q_en.pdf')
q23=("Three Months Ended June 2, 2023","2023-06-02","duration","2023-03-04")
q22=("Three Months Ended June 3, 2022","2022-06-03","duration","2022-03-05")
h23=("Six Months Ended June 2, 2023","2023-06-02","duration","2022-12-03")
h22=("Six Months Ended June 3, 2022","2022-06-03","duration","2021-12-04")
rows=[]
rows+=draft(pdf,3,'balance_sheet',175,660,400,[(415,492,"June 2, 2023 (Unaudited)","2023-06-02","instant",""),(493,570,"December 2, 2022 (*)","2022-12-02","instant","")],
  joins=['Common stock, $0.0001 par value; 900 shares authorized; 601 shares issued;'])
rows+=draft(pdf,4,'income_statement',150,625,270,[(275,347)+q23,(348,419)+q22,(420,491)+h23,(492,570)+h22])
rows+=draft(pdf,8,'cash_flow',145,635,400,[(415,492)+h23,(493,570)+h22])
write(rows,'/work/sealed3/adobe_2022Q2_10q_en.csv')
show(rows); print(len(rows))
from collections import Counter; print(Counter((r['page'],r['statement']) for r in rows))
