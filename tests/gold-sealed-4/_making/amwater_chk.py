import sys; sys.path.insert(0,'/work/sealed4/_making')
from arith import *
rows,d=load('/work/sealed4/americanwater_2023Q2_10q_en.csv')
I='income_statement'
for c in ["For the Three Months Ended June 30, 2023","For the Three Months Ended June 30, 2022","For the Six Months Ended June 30, 2023","For the Six Months Ended June 30, 2022"]:
    check(d,I,c,'Total operating expenses, net',['Operation and maintenance','Depreciation and amortization','General taxes','Other'])
    check(d,I,c,'Operating income',['Operating revenues','-Total operating expenses, net'])
    check(d,I,c,'Total other (expense) income',['Interest expense','Interest income','Non-operating benefit costs, net','Other, net'])
    check(d,I,c,'Income before income taxes',['Operating income','Total other (expense) income'])
    check(d,I,c,'Net income attributable to common shareholders#0',['Income before income taxes','-Provision for income taxes'])
    x=d[(I,c)]; ni=x['Net income attributable to common shareholders']
    print('   EPS basic', ni[0]/x['Basic'][0], ni[1], 'diluted', ni[0]/x['Diluted'][0], ni[2])
B='balance_sheet'
for c in ["June 30, 2023","December 31, 2022"]:
    check(d,B,c,'Property, plant and equipment, net',['Property, plant and equipment','Accumulated depreciation'])
    check(d,B,c,'Total current assets',['Cash and cash equivalents','Restricted funds','Accounts receivable, net of allowance for uncollectible accounts of $52 and $60, respectively','Income tax receivable','Unbilled revenues','Materials and supplies','Other#0'])
    check(d,B,c,'Total regulatory and other long-term assets',['Regulatory assets','Seller promissory note from the sale of the Homeowner Services Group','Operating lease right-of-use assets','Goodwill','Other#1'])
    check(d,B,c,'Total assets',['Property, plant and equipment, net','Total current assets','Total regulatory and other long-term assets'])
    check(d,B,c,"Total common shareholders' equity",['Common stock ($0.01 par value; 500,000,000 shares authorized; 200,083,363 and 187,200,539 shares issued, respectively)','Paid-in-capital','Retained earnings','Accumulated other comprehensive loss','Treasury stock, at cost (5,414,838 and 5,342,477 shares, respectively)'])
    check(d,B,c,'Total long-term debt',['Long-term debt','Redeemable preferred stock at redemption value'])
    check(d,B,c,'Total capitalization',["Total common shareholders' equity",'Total long-term debt'])
    check(d,B,c,'Total current liabilities',['Short-term debt','Current portion of long-term debt','Accounts payable','Accrued liabilities','Accrued taxes','Accrued interest','Other#2'])
    check(d,B,c,'Total regulatory and other long-term liabilities',['Advances for construction','Deferred income taxes and investment tax credits','Regulatory liabilities','Operating lease liabilities','Accrued pension expense','Other#3'])
    check(d,B,c,'Total capitalization and liabilities',['Total capitalization','Total current liabilities','Total regulatory and other long-term liabilities','Contributions in aid of construction'])
    check(d,B,c,'Total assets',['Total capitalization and liabilities'])
C='cash_flow'
for c in ["For the Six Months Ended June 30, 2023","For the Six Months Ended June 30, 2022"]:
    x=d[(C,c)]; labs=list(x)
    i=labs.index('Net cash provided by operating activities'); check(d,C,c,labs[i],labs[:i])
    j=labs.index('Net cash used in investing activities'); check(d,C,c,labs[j],labs[i+1:j])
    k=labs.index('Net cash provided by financing activities'); check(d,C,c,labs[k],labs[j+1:k])
    check(d,C,c,'Net increase (decrease) in cash, cash equivalents and restricted funds',[labs[i],labs[j],labs[k]])
    check(d,C,c,'Cash, cash equivalents and restricted funds at end of period',['Cash, cash equivalents and restricted funds at beginning of period','Net increase (decrease) in cash, cash equivalents and restricted funds'])
# cross
print('CF NI 6m23', d[(C,"For the Six Months Ended June 30, 2023")]['Net income'], 'IS', d[(I,"For the Six Months Ended June 30, 2023")]['Net income attributable to common shareholders'][0])
print('CF NI 6m22', d[(C,"For the Six Months Ended June 30, 2022")]['Net income'], 'IS', d[(I,"For the Six Months Ended June 30, 2022")]['Net income attributable to common shareholders'][0])
for c,cc in [("June 30, 2023","For the Six Months Ended June 30, 2023")]:
    b=d[(B,c)]; print('BS cash+restricted', b['Cash and cash equivalents'][0]+b['Restricted funds'][0], 'CF end', d[(C,cc)]['Cash, cash equivalents and restricted funds at end of period'])
b=d[(B,"December 31, 2022")]; print('BS Dec22 cash+restricted', b['Cash and cash equivalents'][0]+b['Restricted funds'][0], 'CF begin', d[(C,"For the Six Months Ended June 30, 2023")]['Cash, cash equivalents and restricted funds at beginning of period'])
