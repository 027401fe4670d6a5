import sys, os, xml.etree.ElementTree as ET, random, collections
T='{http://www.tei-c.org/ns/1.0}'; X='{http://www.w3.org/XML/1998/namespace}id'
def sents(path):
    root=ET.parse(path).getroot()
    out={'zh':[], 'en':[]}
    for div in root.iter(T+'div'):
        side={'original':'zh','translation':'en'}.get(div.get('type'))
        if not side: continue
        for s in div.iter(T+'s'):
            out[side].append((s.get(X), ' '.join(''.join(s.itertext()).split())))
    return out
if __name__=='__main__':
    teidir, outdir = sys.argv[1], sys.argv[2]
    files=sorted(f for f in os.listdir(teidir) if f.endswith('.xml'))
    byyear=collections.defaultdict(list)
    for f in files:
        s=sents(os.path.join(teidir,f))
        if 3<=len(s['zh'])<=45 and 3<=len(s['en'])<=45:
            byyear[f[:4]].append(f)
    rnd=random.Random(16)
    chosen=[]
    for y in sorted(byyear):
        c=byyear[y][:]; rnd.shuffle(c); chosen+=sorted(c[:3])
    os.makedirs(outdir, exist_ok=True)
    for f in chosen:
        s=sents(os.path.join(teidir,f))
        with open(os.path.join(outdir, f[:-4]+'.sentences.txt'),'w') as o:
            o.write('# Chinese (original)\n')
            for i,t in s['zh']: o.write(f'{i}\t{t}\n')
            o.write('\n# English (translation)\n')
            for i,t in s['en']: o.write(f'{i}\t{t}\n')
    print(len(chosen), {y:len(v) for y,v in sorted(byyear.items())})
