import sys; sys.path.insert(0,'/work/sealed4/_making')
from arith import *
rows,d=load('/work/sealed4/empire-company_FY2022_en.csv')
I='income_statement'
for c in ["53 and 52 Weeks Ended May 7, 2022","53 and 52 Weeks Ended May 1, 2021"]:
    check(d,I,c,'Operating income',['Sales','Other income (Note 20)','Share of earnings from investments, at equity (Note 7)','-Cost of sales','-Selling and administrative expenses'])
    check(d,I,c,'Earnings before income taxes',['Operating income','-Finance costs, net (Note 22)'])
    check(d,I,c,'Net earnings',['Earnings before income taxes','-Income tax expense (Note 14)'])
    check(d,I,c,'#0',['Non-controlling interest','Owners of the Company'])
    check(d,I,c,'#0',['Net earnings'])
    x=d[(I,c)]; print('   EPS basic', x['Owners of the Company'][0]/x['Basic'][1], x['Basic'][0], 'diluted', x['Owners of the Company'][0]/x['Diluted'][1], x['Diluted'][0])
B='balance_sheet'
for c in ["As At May 7, 2022","As At May 1, 2021"]:
    L=[r['label'] for r in rows if r['statement']==B and r['column_header']==c]
    def seg(a,b):
        out=[];seen={}
        for i,l in enumerate(L):
            n=seen.get(l,0); seen[l]=n+1
            if a<i<b: out.append(f'{l}#{n}')
        return out
    e=[i for i,l in enumerate(L) if l=='']  # 7 unlabelled
    check(d,B,c,'#0',seg(-1,e[0]))
    check(d,B,c,'#1',['#0']+seg(e[0],e[1]))
    check(d,B,c,'#2',seg(e[1],e[2]))
    check(d,B,c,'#3',['#2']+seg(e[2],e[3]))
    check(d,B,c,'#4',seg(e[3],e[4]))
    check(d,B,c,'#5',['#4']+seg(e[4],e[5]))
    check(d,B,c,'#6',['#3','#5'])
    check(d,B,c,'#6',['#1'])
C='cash_flow'
for c in ["53 and 52 Weeks Ended May 7, 2022","53 and 52 Weeks Ended May 1, 2021"]:
    labs=[r['label'] for r in rows if r['statement']==C and r['column_header']==c]
    i=labs.index('Cash flows from operating activities'); check(d,C,c,labs[i],labs[:i])
    j=labs.index('Cash flows used in investing activities'); check(d,C,c,labs[j],labs[i+1:j])
    k=labs.index('Cash flows used in financing activities'); check(d,C,c,labs[k],[l if labs[:k].count(l)==1 else l for l in labs[j+1:k]])
    check(d,C,c,'Decrease in cash and cash equivalents',[labs[i],labs[j],labs[k]])
    check(d,C,c,'Cash and cash equivalents, end of year',['Cash and cash equivalents, beginning of year','Decrease in cash and cash equivalents'])
    print('  BS cash', d[(B,c.replace('53 and 52 Weeks Ended','As At'))]['Cash and cash equivalents'], 'CF end', d[(C,c)]['Cash and cash equivalents, end of year'], 'CF NI', d[(C,c)]['Net earnings'], 'IS NI', d[(I,c)]['Net earnings'])
print('opening 2022', d[(C,"53 and 52 Weeks Ended May 7, 2022")]['Cash and cash equivalents, beginning of year'],'= BS 2021 cash', d[(B,"As At May 1, 2021")]['Cash and cash equivalents'])
