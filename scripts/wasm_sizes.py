#!/usr/bin/env python3
"""Code size of a wasm module by crate, read from its name section.

Usage: python3 scripts/wasm_sizes.py <module.wasm> [N]   (N: also list the N largest functions)

The module must keep its names: build one with wasm-opt off, e.g.
  sed 's/data-wasm-opt="z"/data-wasm-opt="0"/' index.html > index-names.html
  trunk build --release --dist /tmp/dist-names index-names.html && rm index-names.html
Figures are function body bytes before wasm-opt, so they rank crates; they are not the bytes a
host page downloads (see scripts/size.sh for those).
"""
import collections
import re
import sys


def leb(b,i):
    r=0;s=0
    while True:
        x=b[i];i+=1;r|=(x&0x7f)<<s;s+=7
        if x<0x80: return r,i
data=open(sys.argv[1],'rb').read()
i=8; imports=0; bodies=[]; names={}
while i<len(data):
    sid=data[i];i+=1; size,i=leb(data,i); end=i+size
    if sid==2:
        n,j=leb(data,i)
        for _ in range(n):
            l,j=leb(data,j); j+=l; l,j=leb(data,j); j+=l; kind=data[j]; j+=1
            if kind==0: _,j=leb(data,j); imports+=1
            elif kind==1: j+=1; fl,j=leb(data,j); _,j=leb(data,j); 
            elif kind==2: fl,j=leb(data,j); _,j=leb(data,j); 
            elif kind==3: j+=2
    if sid==10:
        n,j=leb(data,i)
        for _ in range(n):
            l,j=leb(data,j); bodies.append(l); j+=l
    if sid==0:
        l,j=leb(data,i); nm=data[j:j+l].decode(); j+=l
        if nm=='name':
            while j<end:
                sub=data[j];j+=1; sl,j=leb(data,j); se=j+sl
                if sub==1:
                    n,k=leb(data,j)
                    for _ in range(n):
                        idx,k=leb(data,k); l,k=leb(data,k); names[idx]=data[k:k+l].decode('utf8','replace'); k+=l
                j=se
    i=end
tot=collections.Counter()
per=[]
for fi,sz in enumerate(bodies):
    nm=names.get(fi+imports,'?')
    m=re.search(r'(?:_ZN|<)?([a-z_][a-z0-9_]*)(?:::|\.\.)',nm.replace('$LT$','<').replace('..','::'))
    crate = m.group(1) if m else nm[:20]
    tot[crate]+=sz; per.append((sz,nm))
print("total code", sum(bodies))
for c,v in tot.most_common(25): print(f"{v:>8} {c}")
if len(sys.argv)>2:
    per.sort(reverse=True)
    for sz,nm in per[:int(sys.argv[2])]: print(sz, nm[:160])
