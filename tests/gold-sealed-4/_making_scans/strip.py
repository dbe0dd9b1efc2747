import sys
from PIL import Image, ImageOps, ImageEnhance
f,x0,y0,x1,y1,out=sys.argv[1],*map(int,sys.argv[2:6]),sys.argv[6]
scale=float(sys.argv[7]) if len(sys.argv)>7 else 1.0
contrast=float(sys.argv[8]) if len(sys.argv)>8 else 1.0
im=Image.open(f).convert('L').crop((x0,y0,x1,y1))
if contrast!=1.0:
    im=ImageOps.autocontrast(im,cutoff=1); im=ImageEnhance.Contrast(im).enhance(contrast)
if scale!=1.0: im=im.resize((int(im.width*scale),int(im.height*scale)),Image.LANCZOS)
im.save(out)
