import sys; sys.path.insert(0,'/work/sealed3/_making')
from arith import *
rows,d=load('/work/sealed3/pfizer_2023Q2_en.csv')
I='income_statement'
for c in ["Second-Quarter 2023","Second-Quarter 2022","Six Months 2023","Six Months 2022"]:
    check(d,I,c,'Income from continuing operations before provision/(benefit) for taxes on income',['Revenues','-Cost of sales(2)','-Selling, informational and administrative expenses(2)','-Research and development expenses(2)','-Acquired in-process research and development expenses(3)','-Amortization of intangible assets','-Restructuring charges and certain acquisition-related costs(4)','-Other (income)/deductions––net(5)'])
    check(d,I,c,'Income from continuing operations',['Income from continuing operations before provision/(benefit) for taxes on income','-Provision/(benefit) for taxes on income(6)'])
    check(d,I,c,'Net income before allocation to noncontrolling interests',['Income from continuing operations','Discontinued operations––net of tax(1)'])
    check(d,I,c,'Net income attributable to Pfizer Inc. common shareholders#0',['Net income before allocation to noncontrolling interests','-Less: Net income attributable to noncontrolling interests'])
    check(d,I,c,'Net income attributable to Pfizer Inc. common shareholders#1',['Income from continuing operations attributable to Pfizer Inc. common shareholders#0','Discontinued operations––net of tax#0'])
    check(d,I,c,'Net income attributable to Pfizer Inc. common shareholders#2',['Income from continuing operations attributable to Pfizer Inc. common shareholders#1','Discontinued operations––net of tax#1'])
    dd=d[(I,c)]; ni=dd['Net income attributable to Pfizer Inc. common shareholders'][0]
    print('EPS', round(ni/dd['Basic'][0],3), dd['Net income attributable to Pfizer Inc. common shareholders'][1], round(ni/dd['Diluted'][0],3), dd['Net income attributable to Pfizer Inc. common shareholders'][2])
