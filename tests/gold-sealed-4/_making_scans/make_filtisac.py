import csv
rows=[]
H=['Exercice 2023','Exercice 2022']
def val(vt):
    if vt.strip()=='-': return ''
    s=vt.replace(' ','')
    return s
def add(st,label,a,b):
    for vt,h,y in zip([a,b],H,[2023,2022]):
        if vt is None: continue
        if st=='balance_sheet': e,t,s=f'{y}-12-31','instant',''
        else: e,t,s=f'{y}-12-31','duration',f'{y}-01-01'
        rows.append([1,st,label,h,e,t,s,vt,val(vt)])
B='balance_sheet'; I='income_statement'; C='cash_flow'
for l,a,b in [("Immobilisations incorporelles","1 673 272","1 661 566"),
("Immobilisations corporelles","4 593 306","4 441 771"),
("Immobilisations financières","11 099 137","12 114 096"),
("Stocks","15 441 962","14 175 426"),
("Créances et emplois assimilés","17 890 172","22 183 625"),
("Trésorerie Actif","3 329","275 025"),
("TOTAL ACTIF","50 701 178","54 851 509"),
("Capital social","8 814 838","8 814 838"),
("Primes et réserves","15 013 114","14 859 631"),
("Résultat net de l'exercice","3 075 972","153 483"),
("Dettes financières","4 201 704","5 115 509"),
("Dettes d'exploitation","9 064 679","12 383 368"),
("Trésorerie passif","10 530 871","13 524 680"),
("TOTAL PASSIF","50 701 178","54 851 509")]: add(B,l,a,b)
# income statement: T-form, visual rows top to bottom, left (charges) then right (produits)
for l,a,b in [("Achats de marchandises","1 616 759","2 774 513"),
("Chiffre d'affaires","38 214 972","45 464 126"),
("Achats de matières & Autres achats","23 995 182","26 422 520"),
("Variation de stock","1 890 989","3 675 931"),
("Variation de stock","3 428 400","- 1 098 884"),
("Transports","612 944","798 578"),
("Production immobilisée","72 592","45 556"),
("Services extérieurs","3 488 762","3 244 894"),
("Impôts et taxes","1 600 204","900 436"),
("Autres produits","2 151 823","655 738"),
("Autres charges","2 533 730","589 936"),
("Transferts de charges","348 563","248 689"),
("TOTAL","35 738 570","38 406 808"),
("TOTAL","44 216 350","45 315 225"),
("Valeur ajoutée","8 477 780","6 908 417"),
("Charges de personnel","5 507 792","5 750 893"),
("Excedent brut D'exploitation","2 969 988","1 157 524"),
("Dotations aux amort. et prov.","2 833 482","2 908 136"),
("Reprises de provisions","1 464 894","1 547 548"),
("Résultat d'exploitation","1 601 400","- 203 064"),
("Charges financières","1 705 340","1 082 583"),
("Produits financiers","3 537 950","2 065 452"),
("Résultat financier","1 832 610","982 869"),
("Résultat des activités ordinaires","3 434 010","779 804"),
("Résultat HAO","10 000","- 591 320"),
("Impôt sur le résultat","- 368 039","- 35 000"),
("Résultat Net","3 075 971","153 483")]: add(I,l,a,b)
# cash flow: left table then right table
for l,a,b in [("Trésorerie nette au 1er janvier","- 13 249 654","- 10 539 321"),
("Capacité d'autofinancement globale","5 433 111","1 697 441"),
("Variation du BF lié aux activités opérationnelles","- 291 770","- 2 508 195"),
("Flux de trésorerie provenant des acti. opérationnelles","5 141 341","- 810 754"),
("Flux de Tréso. des activités d'investissement","- 1 560 740","- 967 543"),
("Dividendes versés","-","-"),
("Flux de Tréso. provenant du financement par les capitaux propres","-",None),
("Nouv. Emprunts","-",None),
("Remboursement d'emprunts","- 858 487","- 932 036"),
("Flux de Tréso. provenant du financement par les capitaux étrangers","- 858 487","- 932 036"),
("Flux de Tréso. provenant des activités de financement","- 858 487","- 932 036"),
("VARIATION DE TRESORERIE","2 722 114","- 2 710 333"),
("Trésorerie nette au 31 décembre","- 10 527 540","- 13 249 654")]: add(C,l,a,b)
with open('filtisac-ci_FY2023_fr.csv','w',newline='') as f:
    w=csv.writer(f); w.writerow('page,statement,label,column_header,period_end,period_type,period_start,value_text,value'.split(',')); w.writerows(rows)
from collections import Counter
print(len(rows),Counter(r[1] for r in rows),sum(1 for r in rows if r[8]==''))
