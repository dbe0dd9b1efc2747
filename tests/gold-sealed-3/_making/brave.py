import sys; sys.path.insert(0,'/work/sealed3/_making')
from draft import *
pdf = pdfplumber.open('/work/shared/corpus-wide/brave-bison_FY2022_en.pdf')
ign=[(340,362),(560,590)]
rows=[]
rows+=draft(pdf,36,'income_statement',225,700,335,[(395,445,"31 December 2022 £000’s","2022-12-31","duration","2022-01-01"),(465,515,"31 December 2021 £000’s","2021-12-31","duration","2021-01-01")],ignore=ign,
  rename={'Total comprehensive profit for the year attributable to owners of':'Total comprehensive profit for the year attributable to owners of the parent'})
rows+=draft(pdf,37,'balance_sheet',225,660,335,[(395,445,"At 31 December 2022 £000’s","2022-12-31","instant",""),(465,515,"At 31 December 2021 £000’s","2021-12-31","instant","")],ignore=ign)
rows+=draft(pdf,38,'cash_flow',215,650,335,[(395,445,"2022 £000’s","2022-12-31","duration","2022-01-01"),(465,515,"2021 £000’s","2021-12-31","duration","2021-01-01")],ignore=ign)
write(rows,'/work/sealed3/brave-bison_FY2022_en.csv')
show(rows); print(len(rows))
from collections import Counter; print(Counter((r['page'],r['statement']) for r in rows))
