"""The words of every setting: each option's name and its formula (a tooltip), in one place.

The controls dock builds its combo boxes and radio buttons from these tables; the compare
window names its panes with the same names (``model_name``, ``optimizer_name``) and the
short regulariser names of ``REG_SHORT`` (a pane header has no room for "L2  λΣW²").
The texts are English keys marked for Qt Linguist; they are translated where shown
(context "Controls", the pane headers' short names in "Compare").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .i18n import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

# --- names and formulas ----------------------------------------------------------------------
MODEL_ITEMS = {
    "svm": (QT_TRANSLATE_NOOP("Controls", "SVM"), QT_TRANSLATE_NOOP("Controls", "Multiclass SVM (hinge loss): the correct class's score must beat every other score by "
                   "the margin Δ.\nOnce it does, Li = 0 and the point stops pulling on W.")),
    "softmax": (QT_TRANSLATE_NOOP("Controls", "Softmax"), QT_TRANSLATE_NOOP("Controls", "Softmax classifier (cross-entropy):\nP(Y = k | x) = e^{s_k} / Σ_j e^{s_j}\n"
                           "Li = −s_yi + log Σ_j e^{s_j} = −log P(yi | xi)\nNever fully satisfied: it always "
                           "wants a bigger gap.")),
    "lsq": (QT_TRANSLATE_NOOP("Controls", "LSQ"), QT_TRANSLATE_NOOP("Controls", "Least squares (LSQ) on one-hot targets:\nLi = ½ Σ_j (s_j − t_j)²,  t_j = 1 if j = yi, else 0\nIt punishes a point far on its own side too (the lecture's \"why not least squares?\").")),
    "knn": (QT_TRANSLATE_NOOP("Controls", "kNN"), QT_TRANSLATE_NOOP("Controls", "k-nearest neighbours: no training and no W.\nA point gets the majority class of its k "
                   "nearest training points (ties are shown white).")),
}
VARIANT_ITEMS = {
    "ww": (QT_TRANSLATE_NOOP("Controls", "Weston–Watkins"), QT_TRANSLATE_NOOP("Controls", "Weston–Watkins (the lecture's):\nLi = Σ_{j≠yi} max(0, s_j − s_yi + Δ)")),
    "ova": (QT_TRANSLATE_NOOP("Controls", "one-vs-all"), QT_TRANSLATE_NOOP("Controls", "One-vs-all: each class is its own binary SVM\nLi = Σ_j max(0, Δ − y_ij·s_j),  "
                          "y_ij = +1 if j = yi, else −1")),
    "structured": (QT_TRANSLATE_NOOP("Controls", "structured"), QT_TRANSLATE_NOOP("Controls", "Structured (Crammer–Singer): only the strongest wrong class counts\n"
                                 "Li = max(0, max_{j≠yi} s_j − s_yi + Δ)")),
}
SWITCH_TIPS = {
    "all_classes": QT_TRANSLATE_NOOP("Controls", "Sum over all classes, j = yi included:\nLi = Σ_j max(0, s_j − s_yi + Δ)\nThe j = yi term is "
                   "max(0, Δ) = Δ whatever W is, so every Li grows by Δ.\n(Weston–Watkins only.)"),
    "mean_over_classes": QT_TRANSLATE_NOOP("Controls", "Mean instead of sum over the classes:\nLi = 1/(C − 1) · Σ_{j≠yi} max(0, s_j − s_yi + Δ)\n"
                         "Only a change of scale (like a smaller learning rate).\n(Weston–Watkins and one-vs-all.)"),
    "squared": QT_TRANSLATE_NOOP("Controls", "Squared hinge:\nLi = Σ_{j≠yi} max(0, s_j − s_yi + Δ)²\nBig violations weigh more, small ones "
               "less. (SVM only.)"),
}
DELTA_TIP = (QT_TRANSLATE_NOOP("Controls", "Li = Σ_{j≠yi} max(0, s_j − s_yi + Δ)\nΔ is the margin by which the correct score must win.\n"
             "Δ and λ trade off: only their ratio matters (try Δ = 1, then Δ = 100).\nSVM only; 0 at the far left."))
REG_ITEMS = {
    "none": (QT_TRANSLATE_NOOP("Controls", "none"), QT_TRANSLATE_NOOP("Controls", "No regularisation:\nloss = 1/N Σ Li")),
    "l2": (QT_TRANSLATE_NOOP("Controls", "L2  λΣW²"), QT_TRANSLATE_NOOP("Controls", "L2 (the lecture's):\nλ R(W) = λ Σ_k Σ_l W_kl²\n∂/∂W = 2λW")),
    "half-l2": (QT_TRANSLATE_NOOP("Controls", "½·L2  ½λΣW²"), QT_TRANSLATE_NOOP("Controls", "Half L2 (common in code):\nλ R(W) = ½ λ Σ_k Σ_l W_kl²\n∂/∂W = λW")),
    "l1": (QT_TRANSLATE_NOOP("Controls", "L1  λΣ|W|"), QT_TRANSLATE_NOOP("Controls", "L1:\nλ R(W) = λ Σ_k Σ_l |W_kl|\n∂/∂W = λ·sign(W)  — pushes weights to exactly 0")),
    "elastic": (QT_TRANSLATE_NOOP("Controls", "elastic net"), QT_TRANSLATE_NOOP("Controls", "Elastic net:\nλ R(W) = λ Σ_k Σ_l (β W_kl² + |W_kl|)\n∂/∂W = λ(2βW + sign(W))")),
    "maxnorm": (QT_TRANSLATE_NOOP("Controls", "max-norm"), QT_TRANSLATE_NOOP("Controls", "Max-norm: no penalty term (λ is not used);\nafter every step each class row w_j is "
                            "scaled back so that ‖w_j‖₂ ≤ c.")),
}
LAM_TIP = (QT_TRANSLATE_NOOP("Controls", "loss = 1/N Σ Li + λ R(W)\nλ = 0 at the far left, then 1e-4 … 1e6 on a log scale.\n"
           "You can also type a value in the box."))
BETA_TIP = QT_TRANSLATE_NOOP("Controls", "Elastic net: R(W) = Σ (β W² + |W|) — β weighs the L2 part.")
MAXNORM_TIP = QT_TRANSLATE_NOOP("Controls", "Max-norm: after every step, ‖w_j‖₂ ≤ c for every class row w_j of W.")
BIAS_TIP = QT_TRANSLATE_NOOP("Controls", "Also regularise b: loss = 1/N Σ Li + λ R(W) + λ R(b).\nThe lecture (and CS231n) leave b unregularised.")
LR_TIP = (QT_TRANSLATE_NOOP("Controls", "Gradient descent: W ← W − α ∇_W loss\nα on a log scale 1e-4 … 1e6 (you can type a value).\n"
          "Too small: slow. Too big: the loss oscillates or diverges."))
BATCH_TIP = (QT_TRANSLATE_NOOP("Controls", "Mini-batch gradient descent: each step uses B random points,\n∇ ≈ 1/B Σ_{i∈batch} ∇Li + λ∇R(W).\n"
             "B = 1 is SGD; full = all N points (plain gradient descent).\nThe loss shown is always on all N points."))
FULL_TIP = QT_TRANSLATE_NOOP("Controls", "Use every point in every step (gradient descent); N follows the data.")
OPT_ITEMS = {
    "sgd": (QT_TRANSLATE_NOOP("Controls", "SGD"), QT_TRANSLATE_NOOP("Controls", "Plain (stochastic) gradient descent:\nθ ← θ − α g")),
    "momentum": (QT_TRANSLATE_NOOP("Controls", "momentum"), QT_TRANSLATE_NOOP("Controls", "Momentum:\nv ← μ v − α g\nθ ← θ + v")),
    "nesterov": (QT_TRANSLATE_NOOP("Controls", "Nesterov"), QT_TRANSLATE_NOOP("Controls", "Nesterov momentum (look-ahead form):\nv′ ← μ v − α g\nθ ← θ − μ v + (1 + μ) v′")),
    "adagrad": (QT_TRANSLATE_NOOP("Controls", "AdaGrad"), QT_TRANSLATE_NOOP("Controls", "AdaGrad:\nG ← G + g²\nθ ← θ − α g / (√G + ε)")),
    "rmsprop": (QT_TRANSLATE_NOOP("Controls", "RMSProp"), QT_TRANSLATE_NOOP("Controls", "RMSProp:\nG ← ρ G + (1 − ρ) g²\nθ ← θ − α g / (√G + ε)")),
    "adam": (QT_TRANSLATE_NOOP("Controls", "Adam"), QT_TRANSLATE_NOOP("Controls", "Adam:\nm ← β₁ m + (1 − β₁) g\nv ← β₂ v + (1 − β₂) g²\nθ ← θ − α m̂ / (√v̂ + ε),\n"
                     "m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)")),
}
OPT_PARAM_TIPS = {
    "momentum": QT_TRANSLATE_NOOP("Controls", "μ, the momentum (friction 1 − μ):  v ← μ v − α g"),
    "rho": QT_TRANSLATE_NOOP("Controls", "ρ, the decay of the squared-gradient average:  G ← ρ G + (1 − ρ) g²"),
    "beta1": QT_TRANSLATE_NOOP("Controls", "β₁, the decay of the gradient average:  m ← β₁ m + (1 − β₁) g"),
    "beta2": QT_TRANSLATE_NOOP("Controls", "β₂, the decay of the squared-gradient average:  v ← β₂ v + (1 − β₂) g²"),
}
SCHEDULE_ITEMS = {
    "constant": (QT_TRANSLATE_NOOP("Controls", "constant"), QT_TRANSLATE_NOOP("Controls", "Constant rate:\nα_t = α")),
    "step": (QT_TRANSLATE_NOOP("Controls", "step decay"), QT_TRANSLATE_NOOP("Controls", "Step decay:\nα_t = α · γ^⌊t / every⌋")),
    "inverse": (QT_TRANSLATE_NOOP("Controls", "1/t decay"), QT_TRANSLATE_NOOP("Controls", "1/t decay:\nα_t = α / (1 + k·t)")),
}
STEPS_TIP = QT_TRANSLATE_NOOP("Controls", "How many gradient steps to record.\nPlaying past the end trains on, up to {0} "
                                          "steps.")
SEED_TIP = QT_TRANSLATE_NOOP("Controls", "Seed of the random initial W and of the mini-batch draws:\nthe same seed gives the same run.")
INIT_ITEMS = {
    "preset": (QT_TRANSLATE_NOOP("Controls", "preset W"), QT_TRANSLATE_NOOP("Controls", "The data set's own starting W and b (the CS231n demo has one).\n"
                               "Random when the data has none or the features are not identity.")),
    "random": (QT_TRANSLATE_NOOP("Controls", "random"), QT_TRANSLATE_NOOP("Controls", "W ~ 0.01·N(0, 1) (seeded), b = 0:\nscores ≈ 0, so the SVM loss starts near (C − 1)·Δ "
                         "and Softmax near ln C.")),
    "zeros": (QT_TRANSLATE_NOOP("Controls", "zeros"), QT_TRANSLATE_NOOP("Controls", "W = 0, b = 0: every score is 0,\nso Li = (C − 1)·Δ for the SVM and ln C for Softmax.")),
}
FEATURE_ITEMS = {
    "identity": (QT_TRANSLATE_NOOP("Controls", "identity  (x₁, x₂)"), QT_TRANSLATE_NOOP("Controls", "φ(x) = (x₁, x₂): straight boundaries, s = Wx + b.")),
    "poly2": (QT_TRANSLATE_NOOP("Controls", "poly2"), QT_TRANSLATE_NOOP("Controls", "φ(x) = (x₁, x₂, x₁², x₁x₂, x₂²): conic boundaries (circles, ellipses, parabolas).")),
    "poly3": (QT_TRANSLATE_NOOP("Controls", "poly3"), QT_TRANSLATE_NOOP("Controls", "φ(x) = poly2 + (x₁³, x₁²x₂, x₁x₂², x₂³): cubic boundaries.")),
    "polar": (QT_TRANSLATE_NOOP("Controls", "polar  (r, cos θ, sin θ)"), QT_TRANSLATE_NOOP("Controls", "φ(x) = (r, cos θ, sin θ), r = ‖x‖, θ = atan2(x₂, x₁):\nrings become "
                                          "separable by a line.")),
    "rbf": (QT_TRANSLATE_NOOP("Controls", "RBF (random Fourier)"), QT_TRANSLATE_NOOP("Controls", "Random Fourier features (Rahimi & Recht):\nφ(x) = √(2/m) cos(xΩ + φ₀), "
                                    "Ω ~ N(0, 2γ), φ₀ ~ U[0, 2π)\nφ(x)·φ(x′) ≈ exp(−γ‖x − x′‖²), the RBF kernel.")),
}
RBF_GAMMA_TIP = QT_TRANSLATE_NOOP("Controls", "γ of the RBF kernel exp(−γ‖x − x′‖²): bigger γ, wigglier boundaries.")
RBF_M_TIP = QT_TRANSLATE_NOOP("Controls", "m, the number of random features (the length of φ(x), the columns of W).")
K_TIP = QT_TRANSLATE_NOOP("Controls", "k: the k nearest training points vote; the majority class wins (ties are shown white).")
METRIC_ITEMS = {
    "l1": (QT_TRANSLATE_NOOP("Controls", "L1 (Manhattan)"), QT_TRANSLATE_NOOP("Controls", "d(x, x′) = |x₁ − x′₁| + |x₂ − x′₂|")),
    "l2": (QT_TRANSLATE_NOOP("Controls", "L2 (Euclidean)"), QT_TRANSLATE_NOOP("Controls", "d(x, x′) = √((x₁ − x′₁)² + (x₂ − x′₂)²)")),
}
RESTART_TIP = QT_TRANSLATE_NOOP("Controls", "A change of settings retrains from step 0 with the initial W.")
CONTINUE_TIP = (QT_TRANSLATE_NOOP("Controls", "A change of settings keeps steps 0 … t and trains on from the current step t\n"
                "with the new settings: a branch of the run."))


REG_SHORT = {"none": QT_TRANSLATE_NOOP("Compare", "no reg."), "l2": "L2", "half-l2": "½L2", "l1": "L1",
             "elastic": QT_TRANSLATE_NOOP("Compare", "elastic"), "maxnorm": QT_TRANSLATE_NOOP("Compare", "max-norm")}
"""Short regulariser names for the compare window's pane headers (REG_ITEMS' names carry the formula)."""


def model_name(kind: str) -> str:
    """The model's name in the language shown ("SVM", "Softmax", "kNN")."""
    return translate("Controls", MODEL_ITEMS[kind][0]) if kind in MODEL_ITEMS else kind


def optimizer_name(kind: str) -> str:
    """The update rule's name in the language shown ("SGD", "momentum", …)."""
    return translate("Controls", OPT_ITEMS[kind][0])


def reg_short_name(kind: str) -> str:
    """The regulariser's short name in the language shown ("no reg.", "L2", "elastic", …)."""
    return translate("Compare", REG_SHORT[kind])


def item_tip(items: dict, key: str) -> str:
    """The formula (tooltip) of one option of ``items`` in the language shown."""
    return translate("Controls", items[key][1])


PRESET_TITLES = {"blobs": QT_TRANSLATE_NOOP("Presets", "blobs"), "separable": QT_TRANSLATE_NOOP("Presets", "separable"),
                 "moons": QT_TRANSLATE_NOOP("Presets", "moons"), "circles": QT_TRANSLATE_NOOP("Presets", "circles"),
                 "spiral": QT_TRANSLATE_NOOP("Presets", "spiral")}
"""The point sets' names (Data menu, Generate dialog), marked for translation; "cs231n", "iris"
and "xor" are names and stay as they are."""


def preset_title(name: str) -> str:
    """A preset's name in the language shown."""
    return QCoreApplication.translate("Presets", PRESET_TITLES[name]) if name in PRESET_TITLES else name
