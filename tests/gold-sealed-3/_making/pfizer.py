import sys; sys.path.insert(0,'/work/sealed3/_making')
from draft import *
pdf = pdfplumber.open('/work/shared/corpus-wide/pfizer_2023Q2_en.pdf')
cols=[(300,346,"Second-Quarter 2023","2023-07-02","duration","2023-04-03"),
      (347,390,"Second-Quarter 2022","2022-07-03","duration",""),
      (430,476,"Six Months 2023","2023-07-02","duration","2023-01-01"),
      (477,520,"Six Months 2022","2022-07-03","duration","2022-01-01")]
ign=[(392,429),(522,560)]
rows=draft(pdf,18,'income_statement',120,550,300,cols,ignore=ign,
  joins=['Income from continuing operations before provision/(benefit)','Income from continuing operations attributable to Pfizer Inc.'])
write(rows,'/work/sealed3/pfizer_2023Q2_en.csv')
show(rows); print(len(rows))
