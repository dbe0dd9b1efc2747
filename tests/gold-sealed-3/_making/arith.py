import csv, sys
from decimal import Decimal as D
from collections import defaultdict
def load(path):
    rows=list(csv.DictReader(open(path,encoding='utf-8')))
    data=defaultdict(lambda: defaultdict(list))  # (stmt,col)->label->[values]
    for r in rows:
        data[(r['statement'],r['column_header'])][r['label']].append(D(r['value']) if r['value'] else D(0))
    return rows,data
def check(data, stmt, col, total, parts, occ=None):
    d=data[(stmt,col)]
    def g(spec):
        sign=1
        if spec.startswith('-'): sign=-1; spec=spec[1:]
        lab,_,i=spec.partition('#'); i=int(i or 0)
        return sign*d[lab][i]
    s=sum(g(p) for p in parts); t=g(total)
    flag='OK ' if s==t else 'DIFF'
    print(flag, stmt[:4], col, '|', total, t, 'computed', s)
