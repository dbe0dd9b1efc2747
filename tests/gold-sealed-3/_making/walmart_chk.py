import sys; sys.path.insert(0,'/work/sealed3/_making')
from arith import *
rows,d=load('/work/sealed3/walmart_FY2024Q1_10q_en.csv')
for c in ["Three Months Ended April 30, 2023","Three Months Ended April 30, 2022"]:
    I='income_statement'
    check(d,I,c,'Total revenues',['Net sales','Membership and other income'])
    check(d,I,c,'Operating income',['Total revenues','-Cost of sales','-Operating, selling, general and administrative expenses'])
    check(d,I,c,'Interest, net',['Debt','Finance lease','Interest income'])
    check(d,I,c,'Income before income taxes',['Operating income','-Interest, net','-Other (gains) and losses'])
    check(d,I,c,'Consolidated net income',['Income before income taxes','-Provision for income taxes'])
    check(d,I,c,'Consolidated net income attributable to Walmart',['Consolidated net income','Consolidated net income attributable to noncontrolling interest'])
    C='cash_flow'
    check(d,C,c,'Net cash provided by (used in) operating activities',['Consolidated net income','Depreciation and amortization','Investment (gains) and losses, net','Deferred income taxes','Other operating activities','Receivables, net','Inventories','Accounts payable','Accrued liabilities','Accrued income taxes'])
    check(d,C,c,'Net cash used in investing activities',['Payments for property and equipment','Proceeds from the disposal of property and equipment','Proceeds from disposal of certain operations','Payments for business acquisitions, net of cash acquired','Other investing activities'])
    check(d,C,c,'Net cash provided by financing activities',['Net change in short-term borrowings','Proceeds from issuance of long-term debt','Repayments of long-term debt','Dividends paid','Purchase of Company stock','Sale of subsidiary stock','Other financing activities'])
    check(d,C,c,'Net increase (decrease) in cash, cash equivalents and restricted cash',['Net cash provided by (used in) operating activities','Net cash used in investing activities','Net cash provided by financing activities','Effect of exchange rates on cash, cash equivalents and restricted cash'])
    check(d,C,c,'Cash, cash equivalents and restricted cash at end of period',['Cash, cash equivalents and restricted cash at beginning of year','Net increase (decrease) in cash, cash equivalents and restricted cash'])
    print('NI IS vs CF', d[(I,c)]['Consolidated net income'], d[(C,c)]['Consolidated net income'])
    print('EPS', d[(I,c)]['Consolidated net income attributable to Walmart'][0]/d[(I,c)]['Basic'][0], d[(I,c)]['Consolidated net income attributable to Walmart'][0]/d[(I,c)]['Diluted'][0])
for c in ["April 30, 2023","January 31, 2023","April 30, 2022"]:
    B='balance_sheet'
    check(d,B,c,'Total current assets',['Cash and cash equivalents','Receivables, net','Inventories','Prepaid expenses and other'])
    check(d,B,c,'Total assets',['Total current assets','Property and equipment, net','Operating lease right-of-use assets','Finance lease right-of-use assets, net','Goodwill','Other long-term assets'])
    check(d,B,c,'Total current liabilities',['Short-term borrowings','Accounts payable','Dividends payable','Accrued liabilities','Accrued income taxes','Long-term debt due within one year','Operating lease obligations due within one year','Finance lease obligations due within one year'])
    check(d,B,c,"Total Walmart shareholders' equity",['Common stock','Capital in excess of par value','Retained earnings','Accumulated other comprehensive loss'])
    check(d,B,c,'Total equity',["Total Walmart shareholders' equity",'Nonredeemable noncontrolling interest'])
    check(d,B,c,'Total liabilities, redeemable noncontrolling interest, and equity',['Total current liabilities','Long-term debt','Long-term operating lease obligations','Long-term finance lease obligations','Deferred income taxes and other','Redeemable noncontrolling interest','Total equity'])
    check(d,B,c,'Total assets',['Total liabilities, redeemable noncontrolling interest, and equity'])
