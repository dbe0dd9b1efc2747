import sys; sys.path.insert(0,'/work/sealed3/_making')
from arith import *
rows,d=load('/work/sealed3/brave-bison_FY2022_en.csv')
I='income_statement'
for c in ["31 December 2022 £000’s","31 December 2021 £000’s"]:
    check(d,I,c,'Gross profit',['Revenue','Cost of sales'])
    check(d,I,c,'Operating profit',['Gross profit','Administration expenses'])
    check(d,I,c,'Profit before tax#0',['Operating profit','Finance income#0','Finance costs#0'])
    check(d,I,c,'Adjusted Profit before tax',['Adjusted EBITDA','Finance costs#1','Finance income#1','Depreciation'])
    check(d,I,c,'Profit before tax#1',['Adjusted Profit before tax','Restructuring costs','Acquisition costs','Impairment charge','Amortisation of acquired intangibles','Equity settled share based payments'])
    check(d,I,c,'Profit attributable to equity holders of the parent',['Profit before tax#0','Income tax credit'])
    check(d,I,c,'Profit for the year',['Profit attributable to equity holders of the parent'])
    check(d,I,c,'Total comprehensive profit for the year attributable to owners of the parent',['Profit for the year','Exchange gain/(loss) on translation of foreign subsidiaries'])
B='balance_sheet'
for c in ["At 31 December 2022 £000’s","At 31 December 2021 £000’s"]:
    check(d,B,c,'#0',['Intangible assets','Property, plant and equipment','Deferred tax asset'])
    check(d,B,c,'#1',['Trade and other receivables','Cash and cash equivalents'])
    check(d,B,c,'#2',['Trade and other payables','Bank Loans <1 year','Lease Liabilities#0'])
    check(d,B,c,'#3',['Lease Liabilities#1','Deferred tax liability','Bank loans >1 year','Provisions'])
    check(d,B,c,'Net Assets',['#0','#1','#2','#3'])
    check(d,B,c,'Total equity',['Share capital','Share premium','Capital redemption reserve','Merger reserve','Merger relief reserve','Retained deficit','Translation reserve'])
    check(d,B,c,'Net Assets',['Total equity'])
C='cash_flow'
for c in ["2022 £000’s","2021 £000’s"]:
    check(d,C,c,'Cash inflow from operating activities',['Profit before tax','Depreciation, amortisation and impairment','Finance income','Finance costs','Share based payment charges','(Increase)/decrease in trade and other receivables','(Decrease)/increase in trade and other payables','Tax received'])
    check(d,C,c,'Cash outflow from investing activities',['Acquisition of subsidiaries','Net cash acquired on acquisition','Purchase of property plant and equipment','Purchase of intangible assets','Interest received'])
    check(d,C,c,'Cash (outflow)/inflow from financing activities',['Issue of share capital','Interest paid','Repayment of borrowings','Repayment of lease liability'])
    check(d,C,c,'Net increase in cash and cash equivalents',['Cash inflow from operating activities','Cash outflow from investing activities','Cash (outflow)/inflow from financing activities'])
    check(d,C,c,'Cash and cash equivalents, end of year',['Cash and cash equivalents, beginning of year','Increase in cash and cash equivalents','Movement in foreign exchange'])
