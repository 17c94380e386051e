"""File ▸ Share as web page: the recorded run as ONE self-contained HTML file.

No network and no install: the page carries its data (points, every step's W, b and losses, the
decision regions of every step on a coarse grid) as JSON inside the file and draws the plane, the
loss curve and the score table with a few lines of script on ``<canvas>``; a step slider and a play
button move through the run. In lecture mode the page also shows every scene of the lecture — its
plane at the step it shows, title, caption, question (the answer folded away) and figures. It opens
offline in any browser, so students can take the lesson home. Every word comes from ``labels``
(``takeaway.LABELS``, translated by the UI: a Spanish app writes a Spanish page, ``<html lang="es">``).
Qt-free: the regions come from the engine (``regions.linear_regions``, every feature map).
"""

from __future__ import annotations

import base64
import html
import json

import numpy as np

from .engine.datasets import Dataset
from .engine.regions import Grid
from .engine.training import History
from .takeaway import COLOURS, LABELS, REGIONS_RES, ScenePicture, extent, settings_summary, winners


def page_data(dataset: Dataset, history: History, picked=(), settings: dict | None = None, title: str = "",
              labels: dict[str, str] = LABELS, scenes: list[ScenePicture] = ()) -> dict:
    """Everything the page draws, as plain JSON-ready values."""
    T = len(history)
    x_range, y_range = extent(dataset.X)
    grid = Grid.make(x_range, y_range, REGIONS_RES, REGIONS_RES, history.config.features)
    frames = np.empty((T, REGIONS_RES, REGIONS_RES), np.uint8)
    for t in range(T):
        frames[t] = winners(history.W[t], history.b[t], grid)
    picked = [int(i) for i in picked][:6] or [int(np.flatnonzero(dataset.y == c)[0])  # as the app: one a class
                                              for c in range(len(dataset.class_names)) if (dataset.y == c).any()][:6]
    phi = history.config.features.transform(dataset.X[picked]) if picked else np.zeros((0, history.dim))
    return {
        "title": title or f"linviz — {dataset.name}",
        "classes": list(dataset.class_names),
        "colours": list(COLOURS[:len(dataset.class_names)]),
        "points": _points(dataset),
        "x_range": x_range, "y_range": y_range, "res": REGIONS_RES,
        "steps": T,
        "loss": [float(v) for v in history.loss[:T]],
        "accuracy": [float(v) for v in history.train_acc[:T]],
        "W": np.round(history.W[:T], 6).tolist(), "b": np.round(history.b[:T], 6).tolist(),
        "regions": base64.b64encode(frames.tobytes()).decode("ascii"),
        "picked": picked, "picked_phi": np.round(phi, 6).tolist(),
        "settings": {str(k): str(v) for k, v in (settings or {}).items()},
        "labels": {k: labels.get(k, v) for k, v in LABELS.items()},
        "scenes": [_scene_data(s) for s in scenes],
    }


def _points(dataset: Dataset) -> list:
    return [[float(x), float(y), int(c)] for (x, y), c in zip(dataset.X, dataset.y)]


def _scene_data(s: ScenePicture) -> dict:
    """A scene's picture for the page's script (its texts go into the HTML, escaped)."""
    ds = s.dataset
    return {"colours": list(COLOURS[:len(ds.class_names)]), "points": _points(ds),
            "x_range": s.x_range, "y_range": s.y_range, "res": REGIONS_RES,
            "regions": "" if s.winners is None else base64.b64encode(s.winners.tobytes()).decode("ascii")}


def _scenes_html(scenes: list[ScenePicture], labels: dict[str, str]) -> str:
    """The lecture's scenes: a canvas each (drawn by the script), title, caption, question, figures."""
    if not scenes:
        return ""
    e, t = html.escape, labels
    parts = [f'<h2>{e(t["scenes"])}</h2>']
    for i, s in enumerate(scenes):
        head = e(t["scene"].format(s.number, len(scenes)))
        where = "" if s.loss is None else e(t["moment"].format(s.step, f"{s.loss:.4f}", f"{100 * s.accuracy:.0f}"))
        block = [f'<section class="scene" id="scene-{s.number}"><h3>{head} · {e(s.title)}</h3>',
                 f'<canvas class="sceneplane" data-scene="{i}" width="260" height="260" aria-label="{e(t["plane"])}">'
                 f'</canvas><div class="scenetext"><p>{e(s.caption)}</p>']
        if where:
            block.append(f'<p class="where">{where}</p>')
        if s.question is not None:
            text, choices, answer = s.question
            items = "".join(f"<li>{e(c)}</li>" for c in choices)
            block.append(f'<p><b>{e(t["question"])}:</b> {e(text)}</p><ol type="A">{items}</ol>'
                         f'<details><summary>{e(t["answer"])}</summary>{"ABCD"[answer]}. {e(choices[answer])}</details>')
        if s.figures:
            rows = "".join(f"<tr><th>{e(label)}</th><td>{e(exp)}</td><td>{e(got)}</td>"
                           f"<td>{ {True: '✔', False: '✘', None: ''}[ok] }</td></tr>" for label, exp, got, ok in s.figures)
            block.append(f'<table class="figures"><tr><th>{e(t["figure"])}</th><th>{e(t["expected"])}</th>'
                         f'<th>{e(t["measured"])}</th><th></th></tr>{rows}</table>')
        block.append("</div></section>")
        parts.append("".join(block))
    return "\n".join(parts)


def share_page(dataset: Dataset, history: History, picked=(), settings: dict | None = None, title: str = "",
               labels: dict[str, str] = LABELS, scenes: list[ScenePicture] = (), language: str = "en") -> str:
    """The HTML text of the page (UTF-8, no external resources), its words in ``language``."""
    data = page_data(dataset, history, picked, settings, title, labels, scenes)
    blob = json.dumps(data, allow_nan=False, separators=(",", ":")).replace("</", "<\\/")
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in data["settings"].items())
    t = data["labels"]
    fill = {"$LANG": html.escape(language), "$TITLE": html.escape(data["title"]), "$SETTINGS_TITLE": html.escape(t["settings"]),
            "$PLAY": html.escape(t["play"]), "$STEP": html.escape(t["step"]), "$PLANE": html.escape(t["plane"]),
            "$CURVE": html.escape(t["loss_curve"]), "$SCORES": html.escape(t["scores"]),
            "$SCENES": _scenes_html(list(scenes), t), "$SETTINGS": rows, "$LAST": str(data["steps"] - 1)}
    page = _PAGE
    for key in sorted(fill, key=len, reverse=True):  # $SETTINGS_TITLE before $SETTINGS
        page = page.replace(key, fill[key])
    return page.replace("$DATA", blob)  # last: the data may hold anything


def write_share_page(path, dataset: Dataset, history: History, picked=(), settings: dict | None = None,
                     title: str = "", labels: dict[str, str] = LABELS, scenes: list[ScenePicture] = (),
                     language: str = "en") -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write(share_page(dataset, history, picked, settings, title, labels, scenes, language))


_PAGE = r"""<!DOCTYPE html>
<html lang="$LANG"><head><meta charset="utf-8"><title>$TITLE</title>
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
.scene{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0;padding-top:8px;border-top:1px solid #ccc}
.scene h3{width:100%;font-size:1em;margin:0}
.scenetext{max-width:560px}
.scenetext p{margin:4px 0}
.figures td,.figures th{text-align:left}
</style></head><body>
<h1>$TITLE</h1>
<div id="bar"><button id="play" type="button" aria-label="$PLAY">&#9654; $PLAY</button>
<input id="step" type="range" min="0" max="$LAST" value="0" aria-label="$STEP">
<span id="status"></span></div>
<div id="main">
<canvas id="plane" width="520" height="520" aria-label="$PLANE"></canvas>
<div><canvas id="curve" width="420" height="220" aria-label="$CURVE"></canvas>
<table id="scores" aria-label="$SCORES"></table>
<h2 style="font-size:1em">$SETTINGS_TITLE</h2><table id="settings">$SETTINGS</table></div>
</div>
$SCENES
<script id="data" type="application/json">$DATA</script>
<script>
const D=JSON.parse(document.getElementById("data").textContent), T=D.labels;
function bytes(b64){const raw=atob(b64),out=new Uint8Array(raw.length);for(let i=0;i<raw.length;i++)out[i]=raw.charCodeAt(i);return out;}
function fill(s,...a){return s.replace(/\{(\d+)\}/g,(m,i)=>a[+i]);}
const R=D.res, regions=bytes(D.regions);
const slider=document.getElementById("step"), plane=document.getElementById("plane"), curve=document.getElementById("curve");
function esc(s){return String(s).replace(/[&<>"']/g,c=>"&#"+c.charCodeAt(0)+";");}
function rgb(h){return[1,3,5].map(i=>parseInt(h.substr(i,2),16));}
function marker(g,k,x,y,r){g.beginPath();const s=k%4;
 if(s==0)g.arc(x,y,r,0,7);else if(s==1)g.rect(x-r,y-r,2*r,2*r);
 else if(s==2){g.moveTo(x,y-r*1.2);g.lineTo(x+r*1.1,y+r*.8);g.lineTo(x-r*1.1,y+r*.8);g.closePath();}
 else{g.moveTo(x,y-r*1.3);g.lineTo(x+r*1.1,y);g.lineTo(x,y+r*1.3);g.lineTo(x-r*1.1,y);g.closePath();}
 g.fill();g.stroke();}
// one picture: a regions map (res × res bytes from `off`, rows bottom to top) under the points
function picture(cv,P,cells,off,r){const g=cv.getContext("2d"),R=P.res,img=g.createImageData(R,R);
 const px=x=>(x-P.x_range[0])/(P.x_range[1]-P.x_range[0])*cv.width, py=y=>cv.height-(y-P.y_range[0])/(P.y_range[1]-P.y_range[0])*cv.height;
 for(let i=0;i<R;i++)for(let c=0;c<R;c++){const k=cells.length?cells[off+i*R+c]:255,o=((R-1-i)*R+c)*4;
  const col=k==255?[255,255,255]:rgb(P.colours[k]);for(let j=0;j<3;j++)img.data[o+j]=Math.round(255-(255-col[j])*.35);img.data[o+3]=255;}
 const tmp=document.createElement("canvas");tmp.width=R;tmp.height=R;tmp.getContext("2d").putImageData(img,0,0);
 g.imageSmoothingEnabled=true;g.drawImage(tmp,0,0,cv.width,cv.height);
 g.strokeStyle="#222";g.lineWidth=1.5;
 for(const p of P.points){g.fillStyle=P.colours[p[2]];marker(g,p[2],px(p[0]),py(p[1]),r);}}
function drawPlane(t){picture(plane,D,regions,t*R*R,7);}
function drawCurve(t){const g=curve.getContext("2d"),W=curve.width,H=curve.height,L=D.loss;
 g.clearRect(0,0,W,H);const hi=Math.max(...L.filter(Number.isFinite))||1,n=Math.max(L.length-1,1);
 g.strokeStyle="#000";g.lineWidth=2;g.beginPath();
 L.forEach((v,i)=>{const x=30+i/n*(W-40),y=H-20-(v/hi)*(H-40);i?g.lineTo(x,y):g.moveTo(x,y);});g.stroke();
 g.strokeStyle="#c00";g.beginPath();const x=30+t/n*(W-40);g.moveTo(x,10);g.lineTo(x,H-20);g.stroke();
 g.fillStyle="#000";g.fillText(T.loss,2,12);g.textAlign="right";g.fillText(T.steps_axis,W-2,H-4);g.textAlign="left";g.fillText(hi.toPrecision(3),2,22);}
function drawScores(t){const W=D.W[t],b=D.b[t];let h="<tr><th></th>"+D.picked.map(i=>"<th>#"+(i+1)+" "+esc(D.classes[D.points[i][2]])+"</th>").join("")+"</tr>";
 D.classes.forEach((name,j)=>{h+="<tr><th>s "+esc(name)+"</th>"+D.picked_phi.map((f,n)=>{let s=b[j];f.forEach((v,k)=>s+=W[j][k]*v);
  const mine=D.points[D.picked[n]][2]==j;return "<td"+(mine?" style='font-weight:bold'":"")+">"+s.toFixed(3)+"</td>";}).join("")+"</tr>";});
 document.getElementById("scores").innerHTML=h;}
function show(t){t=+t;drawPlane(t);drawCurve(t);drawScores(t);
 document.getElementById("status").textContent=fill(T.status,t,D.steps-1,D.loss[t].toFixed(4),Math.round(100*D.accuracy[t]));}
let timer=null;const play=document.getElementById("play");
play.onclick=()=>{if(timer){clearInterval(timer);timer=null;play.textContent="\u25B6 "+T.play;return;}
 if(+slider.value>=D.steps-1)slider.value=0;play.textContent="\u275A\u275A "+T.pause;
 timer=setInterval(()=>{if(+slider.value>=D.steps-1){play.click();return;}slider.value=+slider.value+1;show(slider.value);},1000/30);};
slider.oninput=()=>show(slider.value);
const fromLink=(location.hash.match(/step=(\d+)/)||[])[1];  // page.html#step=120 opens at step 120
if(fromLink!==undefined)slider.value=Math.min(+fromLink,D.steps-1);
show(slider.value);
for(const cv of document.querySelectorAll("canvas.sceneplane")){const S=D.scenes[+cv.dataset.scene];picture(cv,S,S.regions?bytes(S.regions):[],0,5);}
</script></body></html>
"""

__all__ = ["share_page", "write_share_page", "page_data", "settings_summary", "REGIONS_RES"]
