import sys; sys.path.insert(0,'/work/sealed3/_making')
from arith import *
rows,d=load('/work/sealed3/adobe_2022Q2_10q_en.csv')
I='income_statement'
for c in ["Three Months Ended June 2, 2023","Three Months Ended June 3, 2022","Six Months Ended June 2, 2023","Six Months Ended June 3, 2022"]:
    check(d,I,c,'Total revenue',['Subscription#0','Product#0','Services and other#0'])
    check(d,I,c,'Total cost of revenue',['Subscription#1','Product#1','Services and other#1'])
    check(d,I,c,'Gross profit',['Total revenue','-Total cost of revenue'])
    check(d,I,c,'Total operating expenses',['Research and development','Sales and marketing','General and administrative','Amortization of intangibles'])
    check(d,I,c,'Operating income',['Gross profit','-Total operating expenses'])
    check(d,I,c,'Total non-operating income (expense), net',['Interest expense','Investment gains (losses), net','Other income (expense), net'])
    check(d,I,c,'Income before income taxes',['Operating income','Total non-operating income (expense), net'])
    check(d,I,c,'Net income',['Income before income taxes','-Provision for income taxes'])
    dd=d[(I,c)]; print('EPS', dd['Net income'][0]/dd['Shares used to compute basic net income per share'][0], dd['Basic net income per share'], dd['Net income'][0]/dd['Shares used to compute diluted net income per share'][0], dd['Diluted net income per share'])
C='cash_flow'
for c in ["Six Months Ended June 2, 2023","Six Months Ended June 3, 2022"]:
    check(d,C,c,'Net cash provided by operating activities',['Net income','Depreciation, amortization and accretion','Stock-based compensation','Reduction of operating lease right-of-use assets','Deferred income taxes','Unrealized losses (gains) on investments, net','Other non-cash items','Trade receivables, net','Prepaid expenses and other assets','Trade payables','Accrued expenses and other liabilities','Income taxes payable','Deferred revenue'])
    check(d,C,c,'Net cash provided by (used for) investing activities',['Purchases of short-term investments','Maturities of short-term investments','Proceeds from sales of short-term investments','Acquisitions, net of cash acquired','Purchases of property and equipment','Purchases of long-term investments, intangibles and other assets','Proceeds from sale of long-term investments and other assets'])
    check(d,C,c,'Net cash used for financing activities',['Repurchases of common stock','Proceeds from re-issuance of treasury stock','Taxes paid related to net share settlement of equity awards','Repayment of debt','Other financing activities, net'])
    check(d,C,c,'Net change in cash and cash equivalents',['Net cash provided by operating activities','Net cash provided by (used for) investing activities','Net cash used for financing activities','Effect of foreign currency exchange rates on cash and cash equivalents'])
    check(d,C,c,'Cash and cash equivalents at end of period',['Cash and cash equivalents at beginning of period','Net change in cash and cash equivalents'])
    print('NI', d[(C,c)]['Net income'], d[(I,c)]['Net income'])
B='balance_sheet'
for c in ["June 2, 2023 (Unaudited)","December 2, 2022 (*)"]:
    check(d,B,c,'Total current assets',['Cash and cash equivalents','Short-term investments','Trade receivables, net of allowances for doubtful accounts of $17 and $23, respectively','Prepaid expenses and other current assets'])
    check(d,B,c,'Total assets',['Total current assets','Property and equipment, net','Operating lease right-of-use assets, net','Goodwill','Other intangibles, net','Deferred income taxes','Other assets'])
    check(d,B,c,'Total current liabilities',['Trade payables','Accrued expenses','Debt#0','Deferred revenue#0','Income taxes payable#0','Operating lease liabilities#0'])
    check(d,B,c,'Total liabilities',['Total current liabilities','Debt#1','Deferred revenue#1','Income taxes payable#1','Operating lease liabilities#1','Other liabilities'])
    check(d,B,c,'Total stockholders’ equity',['Additional paid-in-capital','Retained earnings','Accumulated other comprehensive income (loss)','Treasury stock, at cost (145 and 139 shares, respectively)'])
    check(d,B,c,'Total liabilities and stockholders’ equity',['Total liabilities','Total stockholders’ equity'])
    check(d,B,c,'Total assets',['Total liabilities and stockholders’ equity'])
print(d[(B,"June 2, 2023 (Unaudited)")]['Cash and cash equivalents'], d[(B,"December 2, 2022 (*)")]['Cash and cash equivalents'])
