"""File ▸ Share as web page: the recorded run as ONE self-contained HTML file.

No network and no install: the page carries its data (points, every step's W, b and losses, the
decision regions of every step on a coarse grid) as JSON inside the file and draws the plane, the
loss curve and the score table with a few lines of script on ``<canvas>``; a step slider and a play
button move through the run. It opens offline in any browser, so students can take the lesson
home. Qt-free: the regions come from the engine (``regions.linear_regions``, every feature map).
"""

from __future__ import annotations

import base64
import html
import json

import numpy as np

from .engine.datasets import Dataset
from .engine.regions import Grid, linear_regions
from .engine.training import History

REGIONS_RES = 64
"""Cells per side of each step's regions grid (a 64 × 64 byte map a step: 4 kB)."""
COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
           "#999933", "#882255")
"""Okabe–Ito's eight, then two of Paul Tol's (the app's class colours)."""


def _extent(X: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = np.maximum((hi - lo) * 0.15, 0.5)
    return (float(lo[0] - pad[0]), float(hi[0] + pad[0])), (float(lo[1] - pad[1]), float(hi[1] + pad[1]))


def settings_summary(model: str, history: History) -> dict[str, str]:
    """The run's settings, one readable line each (the page's Settings table)."""
    cfg = history.config
    loss = cfg.loss
    rows = {"model": model, "steps recorded": str(len(history) - 1)}
    if loss.kind == "svm":
        rows["SVM"] = f"{loss.variant}, Δ = {loss.delta:g}" + (", squared hinge" if loss.squared else "")
    rows["regulariser"] = f"{cfg.reg.kind}, λ = {cfg.reg.lam:g}"
    rows["learning rate α"] = f"{cfg.lr:g}"
    rows["batch"] = "full" if cfg.batch_size is None else str(cfg.batch_size)
    rows["optimiser"] = f"{cfg.optimizer.kind}, schedule {cfg.schedule.kind}"
    rows["features φ(x)"] = cfg.features.kind
    rows["seed"] = str(cfg.seed)
    return rows


def page_data(dataset: Dataset, history: History, picked=(), settings: dict | None = None, title: str = "") -> dict:
    """Everything the page draws, as plain JSON-ready values."""
    T = len(history)
    features = history.config.features
    x_range, y_range = _extent(dataset.X)
    grid = Grid.make(x_range, y_range, REGIONS_RES, REGIONS_RES, features)
    winners = np.empty((T, REGIONS_RES, REGIONS_RES), np.uint8)
    for t in range(T):
        w = linear_regions(history.W[t], history.b[t], grid, confidence="gap").winner
        winners[t] = np.where(w < 0, 255, w)  # 255: a tie
    picked = [int(i) for i in picked][:6] or [int(np.flatnonzero(dataset.y == c)[0])  # as the app: one a class
                                              for c in range(len(dataset.class_names)) if (dataset.y == c).any()][:6]
    phi = features.transform(dataset.X[picked]) if picked else np.zeros((0, history.dim))
    return {
        "title": title or f"linviz — {dataset.name}",
        "classes": list(dataset.class_names),
        "colours": list(COLOURS[:len(dataset.class_names)]),
        "points": [[float(x), float(y), int(c)] for (x, y), c in zip(dataset.X, dataset.y)],
        "x_range": x_range, "y_range": y_range, "res": REGIONS_RES,
        "steps": T,
        "loss": [float(v) for v in history.loss[:T]],
        "accuracy": [float(v) for v in history.train_acc[:T]],
        "W": np.round(history.W[:T], 6).tolist(), "b": np.round(history.b[:T], 6).tolist(),
        "regions": base64.b64encode(winners.tobytes()).decode("ascii"),
        "picked": picked, "picked_phi": np.round(phi, 6).tolist(),
        "settings": {str(k): str(v) for k, v in (settings or {}).items()},
    }


def share_page(dataset: Dataset, history: History, picked=(), settings: dict | None = None, title: str = "") -> str:
    """The HTML text of the page (UTF-8, no external resources)."""
    data = page_data(dataset, history, picked, settings, title)
    blob = json.dumps(data, allow_nan=False, separators=(",", ":")).replace("</", "<\\/")
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in data["settings"].items())
    return _PAGE.replace("$TITLE", html.escape(data["title"])).replace("$SETTINGS", rows) \
        .replace("$LAST", str(data["steps"] - 1)).replace("$DATA", blob)


def write_share_page(path, dataset: Dataset, history: History, picked=(), settings: dict | None = None,
                     title: str = "") -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write(share_page(dataset, history, picked, settings, title))


_PAGE = r"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>$TITLE</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:sans-serif;margin:16px;color:#111}
h1{font-size:1.3em;margin:0 0 8px}
#main{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
canvas{border:1px solid #999;background:#fff}
table{border-collapse:collapse;font-size:.9em}
td,th{border:1px solid #bbb;padding:2px 6px;text-align:right}
th{background:#eee}
#bar{display:flex;gap:8px;align-items:center;margin:8px 0}
#step{width:420px}
</style></head><body>
<h1>$TITLE</h1>
<div id="bar"><button id="play" type="button" aria-label="Play">&#9654; Play</button>
<input id="step" type="range" min="0" max="$LAST" value="0" aria-label="Step">
<span id="status"></span></div>
<div id="main">
<canvas id="plane" width="520" height="520" aria-label="The plane: points and decision regions"></canvas>
<div><canvas id="curve" width="420" height="220" aria-label="Loss curve"></canvas>
<table id="scores" aria-label="Scores"></table>
<h2 style="font-size:1em">Settings</h2><table id="settings">$SETTINGS</table></div>
</div>
<script id="data" type="application/json">$DATA</script>
<script>
const D=JSON.parse(document.getElementById("data").textContent);
const R=D.res, raw=atob(D.regions), regions=new Uint8Array(raw.length);
for(let i=0;i<raw.length;i++)regions[i]=raw.charCodeAt(i);
const slider=document.getElementById("step"), plane=document.getElementById("plane"), curve=document.getElementById("curve");
function esc(s){return String(s).replace(/[&<>"']/g,c=>"&#"+c.charCodeAt(0)+";");}
function rgb(h){return[1,3,5].map(i=>parseInt(h.substr(i,2),16));}
function px(x){return (x-D.x_range[0])/(D.x_range[1]-D.x_range[0])*plane.width;}
function py(y){return plane.height-(y-D.y_range[0])/(D.y_range[1]-D.y_range[0])*plane.height;}
function marker(g,k,x,y,r){g.beginPath();const s=k%4;
 if(s==0)g.arc(x,y,r,0,7);else if(s==1)g.rect(x-r,y-r,2*r,2*r);
 else if(s==2){g.moveTo(x,y-r*1.2);g.lineTo(x+r*1.1,y+r*.8);g.lineTo(x-r*1.1,y+r*.8);g.closePath();}
 else{g.moveTo(x,y-r*1.3);g.lineTo(x+r*1.1,y);g.lineTo(x,y+r*1.3);g.lineTo(x-r*1.1,y);g.closePath();}
 g.fill();g.stroke();}
function drawPlane(t){const g=plane.getContext("2d"),img=g.createImageData(R,R),off=t*R*R;
 for(let r=0;r<R;r++)for(let c=0;c<R;c++){const k=regions[off+r*R+c],o=((R-1-r)*R+c)*4;
  const col=k==255?[255,255,255]:rgb(D.colours[k]);for(let j=0;j<3;j++)img.data[o+j]=Math.round(255-(255-col[j])*.35);img.data[o+3]=255;}
 const tmp=document.createElement("canvas");tmp.width=R;tmp.height=R;tmp.getContext("2d").putImageData(img,0,0);
 g.imageSmoothingEnabled=true;g.drawImage(tmp,0,0,plane.width,plane.height);
 g.strokeStyle="#222";g.lineWidth=1.5;
 for(const p of D.points){g.fillStyle=D.colours[p[2]];marker(g,p[2],px(p[0]),py(p[1]),7);}}
function drawCurve(t){const g=curve.getContext("2d"),W=curve.width,H=curve.height,L=D.loss;
 g.clearRect(0,0,W,H);const hi=Math.max(...L.filter(Number.isFinite))||1,n=Math.max(L.length-1,1);
 g.strokeStyle="#000";g.lineWidth=2;g.beginPath();
 L.forEach((v,i)=>{const x=30+i/n*(W-40),y=H-20-(v/hi)*(H-40);i?g.lineTo(x,y):g.moveTo(x,y);});g.stroke();
 g.strokeStyle="#c00";g.beginPath();const x=30+t/n*(W-40);g.moveTo(x,10);g.lineTo(x,H-20);g.stroke();
 g.fillStyle="#000";g.fillText("loss",2,12);g.fillText("step",W-30,H-4);g.fillText(hi.toPrecision(3),2,22);}
function drawScores(t){const W=D.W[t],b=D.b[t];let h="<tr><th></th>"+D.picked.map(i=>"<th>#"+(i+1)+" "+esc(D.classes[D.points[i][2]])+"</th>").join("")+"</tr>";
 D.classes.forEach((name,j)=>{h+="<tr><th>s "+esc(name)+"</th>"+D.picked_phi.map((f,n)=>{let s=b[j];f.forEach((v,k)=>s+=W[j][k]*v);
  const mine=D.points[D.picked[n]][2]==j;return "<td"+(mine?" style='font-weight:bold'":"")+">"+s.toFixed(3)+"</td>";}).join("")+"</tr>";});
 document.getElementById("scores").innerHTML=h;}
function show(t){t=+t;drawPlane(t);drawCurve(t);drawScores(t);
 document.getElementById("status").textContent="step "+t+" of "+(D.steps-1)+" · loss "+D.loss[t].toFixed(4)+" · accuracy "+Math.round(100*D.accuracy[t])+" %";}
let timer=null;const play=document.getElementById("play");
play.onclick=()=>{if(timer){clearInterval(timer);timer=null;play.innerHTML="&#9654; Play";return;}
 if(+slider.value>=D.steps-1)slider.value=0;play.innerHTML="&#10074;&#10074; Pause";
 timer=setInterval(()=>{if(+slider.value>=D.steps-1){play.click();return;}slider.value=+slider.value+1;show(slider.value);},1000/30);};
slider.oninput=()=>show(slider.value);
const fromLink=(location.hash.match(/step=(\d+)/)||[])[1];  // page.html#step=120 opens at step 120
if(fromLink!==undefined)slider.value=Math.min(+fromLink,D.steps-1);
show(slider.value);
</script></body></html>
"""

__all__ = ["share_page", "write_share_page", "page_data", "settings_summary", "REGIONS_RES"]
