<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Branches</name>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>j = yᵢ summed</source>
        <translation>j = yᵢ sumado</translation>
    </message>
    <message>
        <source>mean over classes</source>
        <translation>promedio sobre clases</translation>
    </message>
    <message>
        <source>squared hinge</source>
        <translation>bisagra al cuadrado</translation>
    </message>
    <message>
        <source>max-norm c</source>
        <translation>norma máxima c</translation>
    </message>
    <message>
        <source>regularise b</source>
        <translation>regularizar b</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>optimizador</translation>
    </message>
    <message>
        <source>lr schedule</source>
        <translation>calendario de lr</translation>
    </message>
    <message>
        <source>every</source>
        <translation>cada</translation>
    </message>
    <message>
        <source>decay k</source>
        <translation>decaimiento k</translation>
    </message>
    <message>
        <source>features</source>
        <translation>características</translation>
    </message>
    <message>
        <source>features m</source>
        <translation>características m</translation>
    </message>
    <message>
        <source>features γ</source>
        <translation>características γ</translation>
    </message>
    <message>
        <source>features seed</source>
        <translation>semilla de características</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>lote</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>semilla</translation>
    </message>
    <message>
        <source>one-vs-all</source>
        <translation>uno contra todos</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>full</source>
        <translation>completo</translation>
    </message>
    <message>
        <source>on</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>off</source>
        <translation>no</translation>
    </message>
    <message>
        <source>edited W and b</source>
        <translation>W y b editados</translation>
    </message>
    <message>
        <source>edited W</source>
        <translation>W editado</translation>
    </message>
    <message>
        <source>edited b</source>
        <translation>b editado</translation>
    </message>
    <message>
        <source>run {0}</source>
        <translation>corrida {0}</translation>
    </message>
    <message>
        <source>branch {0}</source>
        <translation>rama {0}</translation>
    </message>
    <message>
        <source>branch {0} from step {1} of {2}</source>
        <translation>rama {0} desde el paso {1} de la {2}</translation>
    </message>
    <message>
        <source>branch {0} from step {1}</source>
        <translation>rama {0} desde el paso {1}</translation>
    </message>
    <message>
        <source>lr {0}</source>
        <translation>lr {0}</translation>
    </message>
    <message>
        <source>batch {0}</source>
        <translation>lote {0}</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>misma configuración</translation>
    </message>
    <message>
        <source>{0} steps · final loss {1}</source>
        <translation>{0} pasos · pérdida final {1}</translation>
    </message>
    <message>
        <source>no steps</source>
        <translation>sin pasos</translation>
    </message>
    <message>
        <source>converged: gradient ≈ 0</source>
        <translation>convergió: gradiente ≈ 0</translation>
    </message>
    <message>
        <source>stopped: change below tol</source>
        <translation>detenido: cambio menor que tol</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergió</translation>
    </message>
    <message>
        <source>Show this run (the step stays where it is).</source>
        <translation>Mostrar esta corrida (el paso queda donde está).</translation>
    </message>
    <message>
        <source>This run is shown now.</source>
        <translation>Esta corrida es la que se muestra ahora.</translation>
    </message>
    <message>
        <source>kNN does not train: there are no runs to compare.</source>
        <translation>kNN no entrena: no hay corridas para comparar.</translation>
    </message>
    <message>
        <source>Rewind, choose “branch from this step” and change a setting: the run branches there.</source>
        <translation>Retrocede, elige «ramificar en este paso» y cambia un ajuste: la ejecución se ramifica ahí.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Corridas</translation>
    </message>
</context>
<context>
    <name>Cifar</name>
    <message>
        <source>All classes</source>
        <translation>Todas las clases</translation>
    </message>
    <message>
        <source>Only mistakes</source>
        <translation>Solo errores</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>{0} image</source>
        <translation>{0} imagen</translation>
    </message>
    <message>
        <source>{0} images</source>
        <translation>{0} imágenes</translation>
    </message>
    <message>
        <source>{0} wrong</source>
        <translation>{0} mal</translation>
    </message>
    <message>
        <source>The {0} nearest training images ({1} distance), nearest first:</source>
        <translation>Las {0} imágenes de entrenamiento más cercanas (distancia {1}), de la más cercana a la más lejana:</translation>
    </message>
    <message>
        <source>training image #{0}</source>
        <translation>imagen de entrenamiento n.º {0}</translation>
    </message>
    <message>
        <source>Click an image to see its scores</source>
        <translation>Hacer clic en una imagen para ver sus puntajes</translation>
    </message>
    <message>
        <source>Test image #{0}: {1}</source>
        <translation>Imagen de prueba n.º {0}: {1}</translation>
    </message>
    <message>
        <source>predicted {0}</source>
        <translation>predicha {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;kNN&lt;/b&gt; (k = {0}, {1} distance): the k nearest training images vote; the class with most votes wins</source>
        <translation>&lt;b&gt;kNN&lt;/b&gt; (k = {0}, distancia {1}): votan las k imágenes de entrenamiento más cercanas; gana la clase con más votos</translation>
    </message>
    <message>
        <source>Multiclass SVM</source>
        <translation>SVM multiclase</translation>
    </message>
    <message>
        <source>k-nearest neighbours</source>
        <translation>k vecinos más cercanos</translation>
    </message>
    <message>
        <source>raw pixels</source>
        <translation>píxeles crudos</translation>
    </message>
    <message>
        <source>colour histogram</source>
        <translation>histograma de color</translation>
    </message>
    <message>
        <source>HOG + colour</source>
        <translation>HOG + color</translation>
    </message>
    <message>
        <source>airplane</source>
        <translation>avión</translation>
    </message>
    <message>
        <source>automobile</source>
        <translation>automóvil</translation>
    </message>
    <message>
        <source>bird</source>
        <translation>pájaro</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>gato</translation>
    </message>
    <message>
        <source>deer</source>
        <translation>ciervo</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>perro</translation>
    </message>
    <message>
        <source>frog</source>
        <translation>rana</translation>
    </message>
    <message>
        <source>horse</source>
        <translation>caballo</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>barco</translation>
    </message>
    <message>
        <source>truck</source>
        <translation>camión</translation>
    </message>
    <message>
        <source>score
sⱼ = wⱼ·x + bⱼ</source>
        <translation>puntaje
sⱼ = wⱼ·x + bⱼ</translation>
    </message>
    <message>
        <source>hinge term
max(0, sⱼ − s_yᵢ + Δ)</source>
        <translation>término bisagra
max(0, sⱼ − s_yᵢ + Δ)</translation>
    </message>
    <message>
        <source>unnormalised
eˢʲ</source>
        <translation>sin normalizar
eˢʲ</translation>
    </message>
    <message>
        <source>probability
pⱼ = eˢʲ / Σ eˢ</source>
        <translation>probabilidad
pⱼ = eˢʲ / Σ eˢ</translation>
    </message>
    <message>
        <source>votes of the
k nearest</source>
        <translation>votos de los
k más cercanos</translation>
    </message>
    <message>
        <source>Lᵢ = −log p of the true class</source>
        <translation>Lᵢ = −log p de la clase verdadera</translation>
    </message>
    <message>
        <source>Lᵢ: the sum of the hinge terms, the loss of this image</source>
        <translation>Lᵢ: la suma de los términos bisagra, la pérdida de esta imagen</translation>
    </message>
    <message>
        <source>score of class {0}: wⱼ·x + bⱼ</source>
        <translation>puntaje de la clase {0}: wⱼ·x + bⱼ</translation>
    </message>
    <message>
        <source>how far s_{0} comes within Δ of the true class's score (0: the margin holds)</source>
        <translation>cuánto se acerca s_{0} a menos de Δ del puntaje de la clase verdadera (0: se cumple el margen)</translation>
    </message>
    <message>
        <source>e to the score of {0}: the unnormalised probability</source>
        <translation>e elevado al puntaje de {0}: la probabilidad sin normalizar</translation>
    </message>
    <message>
        <source>probability of {0}: eˢ / Σ eˢ</source>
        <translation>probabilidad de {0}: eˢ / Σ eˢ</translation>
    </message>
    <message>
        <source>how many of the k nearest training images are {0}</source>
        <translation>cuántas de las k imágenes de entrenamiento más cercanas son {0}</translation>
    </message>
    <message>
        <source>{0}: share of its test images classified correctly</source>
        <translation>{0}: fracción de sus imágenes de prueba bien clasificadas</translation>
    </message>
    <message>
        <source>{0} test images of class {1} were classified as {2}</source>
        <translation>{0} imágenes de prueba de la clase {1} se clasificaron como {2}</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
    <message>
        <source>test image #{0}: true class {1}</source>
        <translation>imagen de prueba n.º {0}: clase verdadera {1}</translation>
    </message>
    <message>
        <source>, predicted {0}</source>
        <translation>, predicha {0}</translation>
    </message>
    <message>
        <source>(wrong)</source>
        <translation>(error)</translation>
    </message>
    <message>
        <source>the 3,072 pixel values, minus the mean image</source>
        <translation>los 3072 valores de los píxeles, menos la imagen media</translation>
    </message>
    <message>
        <source>histograms of oriented gradients: the shape of the edges (standardised)</source>
        <translation>histogramas de gradientes orientados: la forma de los bordes (estandarizados)</translation>
    </message>
    <message>
        <source>a histogram of hues: the colours, wherever they are (standardised)</source>
        <translation>un histograma de tonos: los colores, estén donde estén (estandarizado)</translation>
    </message>
    <message>
        <source>HOG and the hue histogram side by side (standardised)</source>
        <translation>HOG y el histograma de tonos uno al lado del otro (estandarizados)</translation>
    </message>
    <message>
        <source>Data folder…</source>
        <translation>Carpeta de datos…</translation>
    </message>
    <message>
        <source>A cifar-10-batches-py folder you have (or the folder that holds it)</source>
        <translation>Una carpeta cifar-10-batches-py que ya se tenga (o la carpeta que la contiene)</translation>
    </message>
    <message>
        <source>Download (163 MB)</source>
        <translation>Descargar (163 MB)</translation>
    </message>
    <message>
        <source>Download CIFAR-10 once into your user cache; later runs use it</source>
        <translation>Descargar CIFAR-10 una sola vez a la caché del usuario; las corridas siguientes la usan</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Classifier</source>
        <translation>Clasificador</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Características</translation>
    </message>
    <message>
        <source>A class-balanced random subset of the training images: lower it for speed</source>
        <translation>Un subconjunto aleatorio, balanceado por clase, de las imágenes de entrenamiento: bajarlo para ir más rápido</translation>
    </message>
    <message>
        <source>Training images held out to measure the accuracy while training</source>
        <translation>Imágenes de entrenamiento apartadas para medir la exactitud durante el entrenamiento</translation>
    </message>
    <message>
        <source>A class-balanced random subset of the test images (gallery, confusion matrix)</source>
        <translation>Un subconjunto aleatorio, balanceado por clase, de las imágenes de prueba (galería, matriz de confusión)</translation>
    </message>
    <message>
        <source>Seeds the split, the subsets, W's start and the mini-batches</source>
        <translation>Semilla de la partición, los subconjuntos, el W inicial y los mini-lotes</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validación</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Learning rate α in W ← W − α ∇W (arrows: × 10 or ÷ 10)</source>
        <translation>Tasa de aprendizaje α en W ← W − α ∇W (flechas: × 10 o ÷ 10)</translation>
    </message>
    <message>
        <source>λ in loss = 1/N Σ Lᵢ + λ Σ W² (arrows: × 10 or ÷ 10; 0 = none)</source>
        <translation>λ en pérdida = 1/N Σ Lᵢ + λ Σ W² (flechas: × 10 o ÷ 10; 0 = ninguna)</translation>
    </message>
    <message>
        <source>mini-batch SGD, L2 penalty</source>
        <translation>SGD con mini-lotes, penalización L2</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iteraciones</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Tamaño de lote</translation>
    </message>
    <message>
        <source>much slower than L2 on thousands of images</source>
        <translation>mucho más lenta que L2 con miles de imágenes</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>Bias: a separate b, scores s = Wx + b. The same as the bias trick (append x₀ = 1 to every image and make b an extra column of W).</source>
        <translation>Sesgo: un b aparte, puntajes s = Wx + b. Es lo mismo que el truco del sesgo (agregar x₀ = 1 a cada imagen y hacer de b una columna más de W).</translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation>Preprocesamiento</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <source>Mean image subtracted from every image (this one, the average of the training images), so the pixels are centred on 0.</source>
        <translation>A cada imagen se le resta la imagen media (esta, el promedio de las imágenes de entrenamiento), así los píxeles quedan centrados en 0.</translation>
    </message>
    <message>
        <source>{0} features, standardised with the training images' mean and standard deviation. (Raw pixels: the mean image is subtracted.)</source>
        <translation>Características {0}, estandarizadas con la media y el desvío estándar de las imágenes de entrenamiento. (Píxeles crudos: se resta la imagen media.)</translation>
    </message>
    <message>
        <source>No CIFAR-10 data yet: choose a folder or download it (163 MB)</source>
        <translation>Todavía no hay datos de CIFAR-10: elegir una carpeta o descargarlos (163 MB)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; training and &lt;b&gt;{1}&lt;/b&gt; test images, {2} classes</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; imágenes de entrenamiento y &lt;b&gt;{1}&lt;/b&gt; de prueba, {2} clases</translation>
    </message>
    <message>
        <source>The mean image of the training images: subtracted from every image</source>
        <translation>La imagen media de las imágenes de entrenamiento: se resta de cada imagen</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>iteración</translation>
    </message>
    <message>
        <source>loss (mini-batch)</source>
        <translation>pérdida (mini-lote)</translation>
    </message>
    <message>
        <source>each mini-batch</source>
        <translation>cada mini-lote</translation>
    </message>
    <message>
        <source>running mean</source>
        <translation>media móvil</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validación</translation>
    </message>
    <message>
        <source>train (mini-batch)</source>
        <translation>entrenamiento (mini-lote)</translation>
    </message>
    <message>
        <source>chance: 10 %</source>
        <translation>azar: 10 %</translation>
    </message>
    <message>
        <source>Press Train to start.</source>
        <translation>Presionar Entrenar para empezar.</translation>
    </message>
    <message>
        <source>kNN does not train, so there is no loss to plot: it keeps the {0} training images and compares every test image with all of them.

See the Gallery for the nearest neighbours of each test image.</source>
        <translation>kNN no entrena, así que no hay pérdida para graficar: guarda las {0} imágenes de entrenamiento y compara cada imagen de prueba con todas ellas.

En la Galería están los vecinos más cercanos de cada imagen de prueba.</translation>
    </message>
    <message>
        <source>What a linear classifier learns: each row of W, shown as a 32 × 32 picture</source>
        <translation>Lo que aprende un clasificador lineal: cada fila de W, vista como una imagen de 32 × 32</translation>
    </message>
    <message>
        <source>Train a linear model on raw pixels to see its templates.</source>
        <translation>Entrenar un modelo lineal con píxeles crudos para ver sus plantillas.</translation>
    </message>
    <message>
        <source>Confusion matrix on the test images</source>
        <translation>Matriz de confusión sobre las imágenes de prueba</translation>
    </message>
    <message>
        <source>Rows: the true class · columns: the predicted class · the diagonal is right.</source>
        <translation>Filas: la clase verdadera · columnas: la clase predicha · la diagonal son los aciertos.</translation>
    </message>
    <message>
        <source>Train a model to see which classes it confuses.</source>
        <translation>Entrenar un modelo para ver qué clases confunde.</translation>
    </message>
    <message>
        <source>{0} of {1} test images right: &lt;b&gt;{2} %&lt;/b&gt; (chance: 10 %)</source>
        <translation>{0} de {1} imágenes de prueba bien clasificadas: &lt;b&gt;{2} %&lt;/b&gt; (azar: 10 %)</translation>
    </message>
    <message>
        <source>Search lr × λ (4 × 4)</source>
        <translation>Buscar lr × λ (4 × 4)</translation>
    </message>
    <message>
        <source> updates per run</source>
        <translation> actualizaciones por corrida</translation>
    </message>
    <message>
        <source>Every cell is a short run of this many mini-batch updates, same seed.</source>
        <translation>Cada celda es una corrida corta de esta cantidad de actualizaciones por mini-lote, con la misma semilla.</translation>
    </message>
    <message>
        <source>Apply best</source>
        <translation>Aplicar la mejor</translation>
    </message>
    <message>
        <source>Train short runs for a grid of learning rates and λ and compare their validation accuracy.</source>
        <translation>Entrenar corridas cortas para una grilla de tasas de aprendizaje y λ, y comparar su exactitud de validación.</translation>
    </message>
    <message>
        <source>λ (regularisation strength)</source>
        <translation>λ (intensidad de la regularización)</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>tasa de aprendizaje</translation>
    </message>
    <message>
        <source>Validation accuracy (%) after each short run</source>
        <translation>Exactitud de validación (%) después de cada corrida corta</translation>
    </message>
    <message>
        <source>Best: learning rate &lt;b&gt;{0}&lt;/b&gt;, λ &lt;b&gt;{1}&lt;/b&gt; → validation accuracy &lt;b&gt;{2} %&lt;/b&gt;</source>
        <translation>Mejor: tasa de aprendizaje &lt;b&gt;{0}&lt;/b&gt;, λ &lt;b&gt;{1}&lt;/b&gt; → exactitud de validación &lt;b&gt;{2} %&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(search stopped early)</source>
        <translation>(búsqueda detenida antes de terminar)</translation>
    </message>
    <message>
        <source>No run of the search finished.</source>
        <translation>Ninguna corrida de la búsqueda terminó.</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergió</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Matriz de confusión</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galería</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>linviz — CIFAR-10</source>
        <translation>linviz — CIFAR-10</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Elegir una carpeta…</translation>
    </message>
    <message>
        <source>Download CIFAR-10 (163 MB)</source>
        <translation>Descargar CIFAR-10 (163 MB)</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Listo.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose the cifar-10-batches-py folder</source>
        <translation>Elegir la carpeta cifar-10-batches-py</translation>
    </message>
    <message>
        <source>Wait for the running job to finish, or cancel it, before loading data.</source>
        <translation>Esperar a que termine la tarea en curso, o cancelarla, antes de cargar datos.</translation>
    </message>
    <message>
        <source>Could not load CIFAR-10: {0}</source>
        <translation>No se pudo cargar CIFAR-10: {0}</translation>
    </message>
    <message>
        <source>Could not load CIFAR-10 from {0}: {1}</source>
        <translation>No se pudo cargar CIFAR-10 desde {0}: {1}</translation>
    </message>
    <message>
        <source>Loaded {0} training and {1} test images from {2}.</source>
        <translation>Se cargaron {0} imágenes de entrenamiento y {1} de prueba desde {2}.</translation>
    </message>
    <message>
        <source>Downloaded to {0}.</source>
        <translation>Descargado en {0}.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>k = {0} is more than the {1} training images.</source>
        <translation>k = {0} es más que las {1} imágenes de entrenamiento.</translation>
    </message>
    <message>
        <source>Training {0} on {1}…</source>
        <translation>Entrenando {0} con {1}…</translation>
    </message>
    <message>
        <source>The search tunes the learning rate and λ: choose SVM or Softmax.</source>
        <translation>La búsqueda ajusta la tasa de aprendizaje y λ: elegir SVM o Softmax.</translation>
    </message>
    <message>
        <source>Searching: {0} × {1} runs of {2} updates…</source>
        <translation>Buscando: {0} × {1} corridas de {2} actualizaciones…</translation>
    </message>
    <message>
        <source>Run a search first.</source>
        <translation>Primero hay que correr una búsqueda.</translation>
    </message>
    <message>
        <source>Learning rate {0} and λ {1} set (validation {2} %). Press Train.</source>
        <translation>Tasa de aprendizaje {0} y λ {1} aplicadas (validación {2} %). Presionar Entrenar.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Falló.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Done in {0} s.</source>
        <translation>Listo en {0} s.</translation>
    </message>
    <message>
        <source>Training diverged after {0} iterations (the loss became infinite): try a smaller learning rate, e.g. {1}.</source>
        <translation>El entrenamiento divergió después de {0} iteraciones (la pérdida se volvió infinita): probar una tasa de aprendizaje menor, p. ej. {1}.</translation>
    </message>
    <message>
        <source>Stopped after {0} of {1} iterations; the results are those of the weights so far.</source>
        <translation>Detenido después de {0} de {1} iteraciones; los resultados son los de los pesos hasta ese momento.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; on {1}, {2} training images</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; con {1}, {2} imágenes de entrenamiento</translation>
    </message>
    <message>
        <source>, {0} iterations in {1} s</source>
        <translation>, {0} iteraciones en {1} s</translation>
    </message>
    <message>
        <source>validation accuracy &lt;b&gt;{0}&lt;/b&gt; · test accuracy &lt;b&gt;{1} %&lt;/b&gt;</source>
        <translation>exactitud de validación &lt;b&gt;{0}&lt;/b&gt; · exactitud de prueba &lt;b&gt;{1} %&lt;/b&gt;</translation>
    </message>
    <message>
        <source>kNN learns no template: it keeps every training image and compares.</source>
        <translation>kNN no aprende plantillas: guarda todas las imágenes de entrenamiento y compara.</translation>
    </message>
    <message>
        <source>Templates need raw-pixel features: with {0} features a row of W weighs features, not pixels, so it is no picture. Train on raw pixels.</source>
        <translation>Las plantillas necesitan píxeles crudos como características: con características {0}, una fila de W pondera características, no píxeles, así que no es una imagen. Entrenar con píxeles crudos.</translation>
    </message>
    <message>
        <source>Bright where the class's score rewards a pixel's colour, dark where it penalises it (each class scaled to its own range).</source>
        <translation>Claro donde el puntaje de la clase premia el color de un píxel, oscuro donde lo penaliza (cada clase en su propio rango).</translation>
    </message>
    <message>
        <source>Search done.</source>
        <translation>Búsqueda terminada.</translation>
    </message>
    <message>
        <source>Search stopped.</source>
        <translation>Búsqueda detenida.</translation>
    </message>
    <message>
        <source>Train a model to see this image's scores.</source>
        <translation>Entrenar un modelo para ver los puntajes de esta imagen.</translation>
    </message>
    <message>
        <source>{0}, after {1} iterations</source>
        <translation>{0}, después de {1} iteraciones</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was kept.</source>
        <translation>Descarga cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>Unexpected error ({0}): {1}</source>
        <translation>Error inesperado ({0}): {1}</translation>
    </message>
    <message>
        <source>Downloading CIFAR-10: {0} of {1} MB</source>
        <translation>Descargando CIFAR-10: {0} de {1} MB</translation>
    </message>
    <message>
        <source>Downloading CIFAR-10: {0} MB</source>
        <translation>Descargando CIFAR-10: {0} MB</translation>
    </message>
    <message>
        <source>Downloading CIFAR-10…</source>
        <translation>Descargando CIFAR-10…</translation>
    </message>
    <message>
        <source>Preparing {0} features of {1} training images…</source>
        <translation>Preparando características {0} de {1} imágenes de entrenamiento…</translation>
    </message>
    <message>
        <source>Training: iteration {0} of {1} · loss {2}</source>
        <translation>Entrenando: iteración {0} de {1} · pérdida {2}</translation>
    </message>
    <message>
        <source>kNN: {0} {1} of {2}</source>
        <translation>kNN: {0} {1} de {2}</translation>
    </message>
    <message>
        <source>k = {0} is more than the {1} training images</source>
        <translation>k = {0} es más que las {1} imágenes de entrenamiento</translation>
    </message>
    <message>
        <source>validation image</source>
        <translation>imagen de validación</translation>
    </message>
    <message>
        <source>test image</source>
        <translation>imagen de prueba</translation>
    </message>
    <message>
        <source>Search: run {0} of {1}</source>
        <translation>Búsqueda: corrida {0} de {1}</translation>
    </message>
</context>
<context>
    <name>CifarLauncher</name>
    <message>
        <source>&amp;Images</source>
        <translation>&amp;Imágenes</translation>
    </message>
    <message>
        <source>CIFAR-10…</source>
        <translation>CIFAR-10…</translation>
    </message>
    <message>
        <source>Train SVM, Softmax and kNN on CIFAR-10 images, in a window of their own</source>
        <translation>Entrenar SVM, Softmax y kNN con imágenes de CIFAR-10, en una ventana aparte</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>no reg.</source>
        <translation>sin reg.</translation>
    </message>
    <message>
        <source>elastic</source>
        <translation>elástica</translation>
    </message>
    <message>
        <source>max-norm</source>
        <translation>norma máxima</translation>
    </message>
    <message>
        <source>full</source>
        <translation>completo</translation>
    </message>
    <message>
        <source>batch {0}</source>
        <translation>lote {0}</translation>
    </message>
    <message>
        <source>max-norm c {0}</source>
        <translation>norma máxima c {0}</translation>
    </message>
    <message>
        <source>SVM vs Softmax</source>
        <translation>SVM vs. Softmax</translation>
    </message>
    <message>
        <source>SGD vs momentum vs Adam</source>
        <translation>SGD vs. momento vs. Adam</translation>
    </message>
    <message>
        <source>batch 1 vs 32 vs full</source>
        <translation>lote 1 vs. 32 vs. completo</translation>
    </message>
    <message>
        <source>Δ = 1 vs Δ = 100 (λ scaled)</source>
        <translation>Δ = 1 vs. Δ = 100 (λ reescalado)</translation>
    </message>
    <message>
        <source>ravine: SGD vs momentum vs Adam</source>
        <translation>barranco: SGD vs momento vs Adam</translation>
    </message>
    <message>
        <source>L1 vs L2</source>
        <translation>L1 vs. L2</translation>
    </message>
    <message>
        <source>The lecture's contrast: the SVM is satisfied once every margin holds (its loss reaches 0);
Softmax always wants the correct class's probability higher.</source>
        <translation>El contraste de la clase teórica: la SVM queda satisfecha cuando se cumplen todos los márgenes (su pérdida llega a 0);
Softmax siempre quiere más probabilidad para la clase correcta.</translation>
    </message>
    <message>
        <source>Three update rules from the same W₀ with the same α.</source>
        <translation>Tres reglas de actualización desde el mismo W₀ con el mismo α.</translation>
    </message>
    <message>
        <source>Mini-batch gradient descent: 1 point per step (SGD), 32, or all N.
The loss drawn is always on all N points.</source>
        <translation>Descenso por gradiente con mini-lotes: 1 punto por paso (SGD), 32, o los N.
La pérdida graficada es siempre sobre los N puntos.</translation>
    </message>
    <message>
        <source>Δ and λ trade off: Δ = 100 with λ/100 (and α×100) finds W×100 —
the same boundaries. The loss is ×100 too, so the plot turns logarithmic.</source>
        <translation>Δ y λ se compensan: Δ = 100 con λ/100 (y α×100) encuentra W×100 —
las mismas fronteras. La pérdida también es ×100, así que el gráfico pasa a escala logarítmica.</translation>
    </message>
    <message>
        <source>The same λ: L1 pushes weights to exactly 0, L2 shrinks them all.</source>
        <translation>El mismo λ: L1 lleva pesos exactamente a 0, L2 los achica a todos.</translation>
    </message>
    <message>
        <source>Least squares on cubic features: a long narrow valley. SGD (α = 1.8/L) zig-zags across it;
momentum and Adam reach the bottom several times sooner.</source>
        <translation>Mínimos cuadrados sobre rasgos cúbicos: un valle largo y estrecho. SGD (α = 1.8/L) zigzaguea de lado a lado;
momento y Adam llegan al fondo varias veces antes.</translation>
    </message>
    <message>
        <source>The data loss</source>
        <translation>La pérdida de datos</translation>
    </message>
    <message>
        <source>The update rule</source>
        <translation>La regla de actualización</translation>
    </message>
    <message>
        <source>Points per gradient step: 1 is SGD, full = all N (gradient descent).
The loss shown is always on all N points.</source>
        <translation>Puntos por paso de gradiente: 1 es SGD, completo = los N (descenso por gradiente).
La pérdida que se muestra es siempre sobre los N puntos.</translation>
    </message>
    <message>
        <source>The regulariser R(W) in loss = 1/N Σ Li + λ R(W)</source>
        <translation>El regularizador R(W) en pérdida = 1/N Σ Li + λ R(W)</translation>
    </message>
    <message>
        <source>α, the learning rate: W ← W − α ∇W loss</source>
        <translation>α, la tasa de aprendizaje: W ← W − α ∇W pérdida</translation>
    </message>
    <message>
        <source>λ, the regularisation strength</source>
        <translation>λ, la intensidad de la regularización</translation>
    </message>
    <message>
        <source>Δ, the SVM's margin: Li = Σ_{j≠yi} max(0, s_j − s_yi + Δ)</source>
        <translation>Δ, el margen de la SVM: Li = Σ_{j≠yi} max(0, s_j − s_yi + Δ)</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>lote</translation>
    </message>
    <message>
        <source>Pick a value or type one.</source>
        <translation>Elegir un valor o escribir uno.</translation>
    </message>
    <message>
        <source>Remove this pane (at least two stay).</source>
        <translation>Quitar este panel (quedan al menos dos).</translation>
    </message>
    <message>
        <source>loss {0} · accuracy {1}</source>
        <translation>pérdida {0} · exactitud {1}</translation>
    </message>
    <message>
        <source>converged: gradient ≈ 0</source>
        <translation>convergió: gradiente ≈ 0</translation>
    </message>
    <message>
        <source>change below tol</source>
        <translation>cambio menor que tol</translation>
    </message>
    <message>
        <source>diverged: try a smaller α</source>
        <translation>divergió: probar un α menor</translation>
    </message>
    <message>
        <source>the {0}-step limit</source>
        <translation>el límite de {0} pasos</translation>
    </message>
    <message>
        <source>stopped at step {0} ({1})</source>
        <translation>se detuvo en el paso {0} ({1})</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>escala logarítmica</translation>
    </message>
    <message>
        <source>Loss on a logarithmic axis (a loss of 0 sits at the bottom).</source>
        <translation>Pérdida en un eje logarítmico (una pérdida de 0 queda abajo de todo).</translation>
    </message>
    <message>
        <source>your own comparison</source>
        <translation>comparación propia</translation>
    </message>
    <message>
        <source>A ready-made comparison: the panes take its settings and start again from step 0.
They build on the main window's settings (α, λ, …).</source>
        <translation>Una comparación lista: los paneles toman su configuración y vuelven a empezar desde el paso 0.
Parten de la configuración de la ventana principal (α, λ, …).</translation>
    </message>
    <message>
        <source>+ pane</source>
        <translation>+ panel</translation>
    </message>
    <message>
        <source>Add a pane (a copy of the last one; at most 4).</source>
        <translation>Agregar un panel (una copia del último; como máximo 4).</translation>
    </message>
    <message>
        <source>− pane</source>
        <translation>− panel</translation>
    </message>
    <message>
        <source>Remove the last pane (at least 2 stay).</source>
        <translation>Quitar el último panel (quedan al menos 2).</translation>
    </message>
    <message>
        <source>New random W₀</source>
        <translation>Nuevo W₀ aleatorio</translation>
    </message>
    <message>
        <source>Every pane starts again from one new random W₀ (a new seed), b₀ = 0.</source>
        <translation>Todos los paneles vuelven a empezar desde un mismo W₀ aleatorio nuevo (una semilla nueva), b₀ = 0.</translation>
    </message>
    <message>
        <source>Edit the points in the main window: every pane retrains from the same W₀.</source>
        <translation>Los puntos se editan en la ventana principal: todos los paneles vuelven a entrenar desde el mismo W₀.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>{0} ({1}) — every pane together</source>
        <translation>{0} ({1}) — todos los paneles juntos</translation>
    </message>
    <message>
        <source>Drag to any step: every pane shows W after t updates.</source>
        <translation>Arrastrar hasta cualquier paso: cada panel muestra W después de t actualizaciones.</translation>
    </message>
    <message>
        <source>step {0} / {1}</source>
        <translation>paso {0} / {1}</translation>
    </message>
    <message>
        <source>Playback speed, in gradient steps per second, for every pane.</source>
        <translation>Velocidad de reproducción, en pasos de gradiente por segundo, para todos los paneles.</translation>
    </message>
    <message>
        <source>linviz — compare · {0} ({1} points, {2} classes)</source>
        <translation>linviz — comparar · {0} ({1} puntos, {2} clases)</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Comparar…</translation>
    </message>
    <message>
        <source>Two to four runs side by side on these points, from the same W₀, played together.</source>
        <translation>De dos a cuatro corridas lado a lado sobre estos puntos, desde el mismo W₀, reproducidas juntas.</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparar</translation>
    </message>
</context>
<context>
    <name>Controls</name>
    <message>
        <source>L2 (Euclidean)</source>
        <translation>L2 (euclídea)</translation>
    </message>
    <message>
        <source>L1 (Manhattan)</source>
        <translation>L1 (Manhattan)</translation>
    </message>
    <message>
        <source>SVM</source>
        <translation>SVM</translation>
    </message>
    <message>
        <source>Multiclass SVM (hinge loss): the correct class's score must beat every other score by the margin Δ.
Once it does, Li = 0 and the point stops pulling on W.</source>
        <translation>SVM multiclase (pérdida bisagra): el puntaje de la clase correcta debe superar a todos los demás por el margen Δ.
Cuando lo logra, Li = 0 y el punto deja de tirar de W.</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Softmax classifier (cross-entropy):
P(Y = k | x) = e^{s_k} / Σ_j e^{s_j}
Li = −s_yi + log Σ_j e^{s_j} = −log P(yi | xi)
Never fully satisfied: it always wants a bigger gap.</source>
        <translation>Clasificador Softmax (entropía cruzada):
P(Y = k | x) = e^{s_k} / Σ_j e^{s_j}
Li = −s_yi + log Σ_j e^{s_j} = −log P(yi | xi)
Nunca queda del todo satisfecho: siempre quiere una diferencia mayor.</translation>
    </message>
    <message>
        <source>kNN</source>
        <translation>kNN</translation>
    </message>
    <message>
        <source>k-nearest neighbours: no training and no W.
A point gets the majority class of its k nearest training points (ties are shown white).</source>
        <translation>k vecinos más cercanos: sin entrenamiento y sin W.
Un punto recibe la clase mayoritaria de sus k puntos de entrenamiento más cercanos (los empates se muestran en blanco).</translation>
    </message>
    <message>
        <source>Weston–Watkins</source>
        <translation>Weston–Watkins</translation>
    </message>
    <message>
        <source>Weston–Watkins (the lecture's):
Li = Σ_{j≠yi} max(0, s_j − s_yi + Δ)</source>
        <translation>Weston–Watkins (la de la clase teórica):
Li = Σ_{j≠yi} max(0, s_j − s_yi + Δ)</translation>
    </message>
    <message>
        <source>one-vs-all</source>
        <translation>uno contra todos</translation>
    </message>
    <message>
        <source>One-vs-all: each class is its own binary SVM
Li = Σ_j max(0, Δ − y_ij·s_j),  y_ij = +1 if j = yi, else −1</source>
        <translation>Uno contra todos: cada clase es su propia SVM binaria
Li = Σ_j max(0, Δ − y_ij·s_j),  y_ij = +1 si j = yi, si no −1</translation>
    </message>
    <message>
        <source>structured</source>
        <translation>estructurada</translation>
    </message>
    <message>
        <source>Structured (Crammer–Singer): only the strongest wrong class counts
Li = max(0, max_{j≠yi} s_j − s_yi + Δ)</source>
        <translation>Estructurada (Crammer–Singer): solo cuenta la clase incorrecta más fuerte
Li = max(0, max_{j≠yi} s_j − s_yi + Δ)</translation>
    </message>
    <message>
        <source>Sum over all classes, j = yi included:
Li = Σ_j max(0, s_j − s_yi + Δ)
The j = yi term is max(0, Δ) = Δ whatever W is, so every Li grows by Δ.
(Weston–Watkins only.)</source>
        <translation>Suma sobre todas las clases, incluida j = yi:
Li = Σ_j max(0, s_j − s_yi + Δ)
El término j = yi vale max(0, Δ) = Δ sea cual sea W, así que cada Li crece Δ.
(Solo Weston–Watkins.)</translation>
    </message>
    <message>
        <source>Mean instead of sum over the classes:
Li = 1/(C − 1) · Σ_{j≠yi} max(0, s_j − s_yi + Δ)
Only a change of scale (like a smaller learning rate).
(Weston–Watkins and one-vs-all.)</source>
        <translation>Promedio en lugar de suma sobre las clases:
Li = 1/(C − 1) · Σ_{j≠yi} max(0, s_j − s_yi + Δ)
Solo un cambio de escala (como una tasa de aprendizaje menor).
(Weston–Watkins y uno contra todos.)</translation>
    </message>
    <message>
        <source>Squared hinge:
Li = Σ_{j≠yi} max(0, s_j − s_yi + Δ)²
Big violations weigh more, small ones less. (SVM only.)</source>
        <translation>Bisagra al cuadrado:
Li = Σ_{j≠yi} max(0, s_j − s_yi + Δ)²
Las violaciones grandes pesan más; las chicas, menos. (Solo SVM.)</translation>
    </message>
    <message>
        <source>Li = Σ_{j≠yi} max(0, s_j − s_yi + Δ)
Δ is the margin by which the correct score must win.
Δ and λ trade off: only their ratio matters (try Δ = 1, then Δ = 100).
SVM only; 0 at the far left.</source>
        <translation>Li = Σ_{j≠yi} max(0, s_j − s_yi + Δ)
Δ es el margen por el que debe ganar el puntaje correcto.
Δ y λ se compensan: solo importa su cociente (probar Δ = 1 y después Δ = 100).
Solo SVM; 0 en el extremo izquierdo.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>No regularisation:
loss = 1/N Σ Li</source>
        <translation>Sin regularización:
pérdida = 1/N Σ Li</translation>
    </message>
    <message>
        <source>L2  λΣW²</source>
        <translation>L2  λΣW²</translation>
    </message>
    <message>
        <source>L2 (the lecture's):
λ R(W) = λ Σ_k Σ_l W_kl²
∂/∂W = 2λW</source>
        <translation>L2 (la de la clase teórica):
λ R(W) = λ Σ_k Σ_l W_kl²
∂/∂W = 2λW</translation>
    </message>
    <message>
        <source>½·L2  ½λΣW²</source>
        <translation>½·L2  ½λΣW²</translation>
    </message>
    <message>
        <source>Half L2 (common in code):
λ R(W) = ½ λ Σ_k Σ_l W_kl²
∂/∂W = λW</source>
        <translation>Media L2 (habitual en el código):
λ R(W) = ½ λ Σ_k Σ_l W_kl²
∂/∂W = λW</translation>
    </message>
    <message>
        <source>L1  λΣ|W|</source>
        <translation>L1  λΣ|W|</translation>
    </message>
    <message>
        <source>L1:
λ R(W) = λ Σ_k Σ_l |W_kl|
∂/∂W = λ·sign(W)  — pushes weights to exactly 0</source>
        <translation>L1:
λ R(W) = λ Σ_k Σ_l |W_kl|
∂/∂W = λ·sign(W)  — lleva pesos exactamente a 0</translation>
    </message>
    <message>
        <source>elastic net</source>
        <translation>red elástica</translation>
    </message>
    <message>
        <source>Elastic net:
λ R(W) = λ Σ_k Σ_l (β W_kl² + |W_kl|)
∂/∂W = λ(2βW + sign(W))</source>
        <translation>Red elástica:
λ R(W) = λ Σ_k Σ_l (β W_kl² + |W_kl|)
∂/∂W = λ(2βW + sign(W))</translation>
    </message>
    <message>
        <source>max-norm</source>
        <translation>norma máxima</translation>
    </message>
    <message>
        <source>Max-norm: no penalty term (λ is not used);
after every step each class row w_j is scaled back so that ‖w_j‖₂ ≤ c.</source>
        <translation>Norma máxima: sin término de penalización (λ no se usa);
después de cada paso cada fila de clase w_j se reescala para que ‖w_j‖₂ ≤ c.</translation>
    </message>
    <message>
        <source>Elastic net: R(W) = Σ (β W² + |W|) — β weighs the L2 part.</source>
        <translation>Red elástica: R(W) = Σ (β W² + |W|) — β pondera la parte L2.</translation>
    </message>
    <message>
        <source>Max-norm: after every step, ‖w_j‖₂ ≤ c for every class row w_j of W.</source>
        <translation>Norma máxima: después de cada paso, ‖w_j‖₂ ≤ c para cada fila de clase w_j de W.</translation>
    </message>
    <message>
        <source>Also regularise b: loss = 1/N Σ Li + λ R(W) + λ R(b).
The lecture (and CS231n) leave b unregularised.</source>
        <translation>Regularizar también b: pérdida = 1/N Σ Li + λ R(W) + λ R(b).
La clase teórica (y CS231n) no regularizan b.</translation>
    </message>
    <message>
        <source>loss = 1/N Σ Li + λ R(W)
λ = 0 at the far left, then 1e-4 … 1e6 on a log scale.
You can also type a value in the box.</source>
        <translation>pérdida = 1/N Σ Li + λ R(W)
λ = 0 en el extremo izquierdo, después 1e-4 … 1e6 en escala logarítmica.
También se puede escribir un valor en el cuadro.</translation>
    </message>
    <message>
        <source>LSQ</source>
        <translation>MC</translation>
    </message>
    <message>
        <source>Least squares (LSQ) on one-hot targets:
Li = ½ Σ_j (s_j − t_j)²,  t_j = 1 if j = yi, else 0
It punishes a point far on its own side too (the lecture's "why not least squares?").</source>
        <translation>Mínimos cuadrados (MC) con objetivos one-hot:
Li = ½ Σ_j (s_j − t_j)²,  t_j = 1 si j = yi, si no 0
Castiga también a un punto muy metido en su propio lado (el «¿por qué no mínimos cuadrados?» de la clase).</translation>
    </message>
    <message>
        <source>Gradient descent: W ← W − α ∇_W loss
α on a log scale 1e-4 … 1e6 (you can type a value).
Too small: slow. Too big: the loss oscillates or diverges.</source>
        <translation>Descenso por gradiente: W ← W − α ∇_W pérdida
α en escala logarítmica 1e-4 … 1e6 (se puede escribir un valor).
Demasiado chica: lento. Demasiado grande: la pérdida oscila o diverge.</translation>
    </message>
    <message>
        <source>Mini-batch gradient descent: each step uses B random points,
∇ ≈ 1/B Σ_{i∈batch} ∇Li + λ∇R(W).
B = 1 is SGD; full = all N points (plain gradient descent).
The loss shown is always on all N points.</source>
        <translation>Descenso por gradiente con mini-lotes: cada paso usa B puntos al azar,
∇ ≈ 1/B Σ_{i∈lote} ∇Li + λ∇R(W).
B = 1 es SGD; completo = los N puntos (descenso por gradiente simple).
La pérdida que se muestra es siempre sobre los N puntos.</translation>
    </message>
    <message>
        <source>Use every point in every step (gradient descent); N follows the data.</source>
        <translation>Usar todos los puntos en cada paso (descenso por gradiente); N sigue a los datos.</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Plain (stochastic) gradient descent:
θ ← θ − α g</source>
        <translation>Descenso por gradiente (estocástico) simple:
θ ← θ − α g</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>momento</translation>
    </message>
    <message>
        <source>Momentum:
v ← μ v − α g
θ ← θ + v</source>
        <translation>Momento:
v ← μ v − α g
θ ← θ + v</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Nesterov momentum (look-ahead form):
v′ ← μ v − α g
θ ← θ − μ v + (1 + μ) v′</source>
        <translation>Momento de Nesterov (forma anticipada):
v′ ← μ v − α g
θ ← θ − μ v + (1 + μ) v′</translation>
    </message>
    <message>
        <source>AdaGrad</source>
        <translation>AdaGrad</translation>
    </message>
    <message>
        <source>AdaGrad:
G ← G + g²
θ ← θ − α g / (√G + ε)</source>
        <translation>AdaGrad:
G ← G + g²
θ ← θ − α g / (√G + ε)</translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>RMSProp:
G ← ρ G + (1 − ρ) g²
θ ← θ − α g / (√G + ε)</source>
        <translation>RMSProp:
G ← ρ G + (1 − ρ) g²
θ ← θ − α g / (√G + ε)</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Adam:
m ← β₁ m + (1 − β₁) g
v ← β₂ v + (1 − β₂) g²
θ ← θ − α m̂ / (√v̂ + ε),
m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)</source>
        <translation>Adam:
m ← β₁ m + (1 − β₁) g
v ← β₂ v + (1 − β₂) g²
θ ← θ − α m̂ / (√v̂ + ε),
m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)</translation>
    </message>
    <message>
        <source>μ, the momentum (friction 1 − μ):  v ← μ v − α g</source>
        <translation>μ, el momento (fricción 1 − μ):  v ← μ v − α g</translation>
    </message>
    <message>
        <source>ρ, the decay of the squared-gradient average:  G ← ρ G + (1 − ρ) g²</source>
        <translation>ρ, el decaimiento del promedio del gradiente al cuadrado:  G ← ρ G + (1 − ρ) g²</translation>
    </message>
    <message>
        <source>β₁, the decay of the gradient average:  m ← β₁ m + (1 − β₁) g</source>
        <translation>β₁, el decaimiento del promedio del gradiente:  m ← β₁ m + (1 − β₁) g</translation>
    </message>
    <message>
        <source>β₂, the decay of the squared-gradient average:  v ← β₂ v + (1 − β₂) g²</source>
        <translation>β₂, el decaimiento del promedio del gradiente al cuadrado:  v ← β₂ v + (1 − β₂) g²</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>constante</translation>
    </message>
    <message>
        <source>Constant rate:
α_t = α</source>
        <translation>Tasa constante:
α_t = α</translation>
    </message>
    <message>
        <source>step decay</source>
        <translation>escalonado</translation>
    </message>
    <message>
        <source>Step decay:
α_t = α · γ^⌊t / every⌋</source>
        <translation>Decaimiento escalonado:
α_t = α · γ^⌊t / cada⌋</translation>
    </message>
    <message>
        <source>1/t decay</source>
        <translation>decaimiento 1/t</translation>
    </message>
    <message>
        <source>1/t decay:
α_t = α / (1 + k·t)</source>
        <translation>Decaimiento 1/t:
α_t = α / (1 + k·t)</translation>
    </message>
    <message>
        <source>How many gradient steps to record.
Playing past the end trains on, up to {0} steps.</source>
        <translation>Cuántos pasos de gradiente registrar.
Al reproducir más allá del final se sigue entrenando, hasta {0} pasos.</translation>
    </message>
    <message>
        <source>Seed of the random initial W and of the mini-batch draws:
the same seed gives the same run.</source>
        <translation>Semilla del W inicial aleatorio y del sorteo de mini-lotes:
la misma semilla da la misma corrida.</translation>
    </message>
    <message>
        <source>preset W</source>
        <translation>W predefinido</translation>
    </message>
    <message>
        <source>The data set's own starting W and b (the CS231n demo has one).
Random when the data has none or the features are not identity.</source>
        <translation>El W y b iniciales propios del conjunto de datos (la demo de CS231n tiene uno).
Aleatorio si los datos no tienen o si las características no son la identidad.</translation>
    </message>
    <message>
        <source>random</source>
        <translation>aleatorio</translation>
    </message>
    <message>
        <source>W ~ 0.01·N(0, 1) (seeded), b = 0:
scores ≈ 0, so the SVM loss starts near (C − 1)·Δ and Softmax near ln C.</source>
        <translation>W ~ 0.01·N(0, 1) (con semilla), b = 0:
puntajes ≈ 0, así que la pérdida SVM empieza cerca de (C − 1)·Δ y la de Softmax cerca de ln C.</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>ceros</translation>
    </message>
    <message>
        <source>W = 0, b = 0: every score is 0,
so Li = (C − 1)·Δ for the SVM and ln C for Softmax.</source>
        <translation>W = 0, b = 0: todo puntaje es 0,
así que Li = (C − 1)·Δ para la SVM y ln C para Softmax.</translation>
    </message>
    <message>
        <source>identity  (x₁, x₂)</source>
        <translation>identidad  (x₁, x₂)</translation>
    </message>
    <message>
        <source>φ(x) = (x₁, x₂): straight boundaries, s = Wx + b.</source>
        <translation>φ(x) = (x₁, x₂): fronteras rectas, s = Wx + b.</translation>
    </message>
    <message>
        <source>poly2</source>
        <translation>poly2</translation>
    </message>
    <message>
        <source>φ(x) = (x₁, x₂, x₁², x₁x₂, x₂²): conic boundaries (circles, ellipses, parabolas).</source>
        <translation>φ(x) = (x₁, x₂, x₁², x₁x₂, x₂²): fronteras cónicas (círculos, elipses, parábolas).</translation>
    </message>
    <message>
        <source>poly3</source>
        <translation>poly3</translation>
    </message>
    <message>
        <source>φ(x) = poly2 + (x₁³, x₁²x₂, x₁x₂², x₂³): cubic boundaries.</source>
        <translation>φ(x) = poly2 + (x₁³, x₁²x₂, x₁x₂², x₂³): fronteras cúbicas.</translation>
    </message>
    <message>
        <source>polar  (r, cos θ, sin θ)</source>
        <translation>polar  (r, cos θ, sin θ)</translation>
    </message>
    <message>
        <source>φ(x) = (r, cos θ, sin θ), r = ‖x‖, θ = atan2(x₂, x₁):
rings become separable by a line.</source>
        <translation>φ(x) = (r, cos θ, sin θ), r = ‖x‖, θ = atan2(x₂, x₁):
los anillos pasan a ser separables por una recta.</translation>
    </message>
    <message>
        <source>RBF (random Fourier)</source>
        <translation>RBF (Fourier aleatorio)</translation>
    </message>
    <message>
        <source>Random Fourier features (Rahimi &amp; Recht):
φ(x) = √(2/m) cos(xΩ + φ₀), Ω ~ N(0, 2γ), φ₀ ~ U[0, 2π)
φ(x)·φ(x′) ≈ exp(−γ‖x − x′‖²), the RBF kernel.</source>
        <translation>Características de Fourier aleatorias (Rahimi y Recht):
φ(x) = √(2/m) cos(xΩ + φ₀), Ω ~ N(0, 2γ), φ₀ ~ U[0, 2π)
φ(x)·φ(x′) ≈ exp(−γ‖x − x′‖²), el kernel RBF.</translation>
    </message>
    <message>
        <source>γ of the RBF kernel exp(−γ‖x − x′‖²): bigger γ, wigglier boundaries.</source>
        <translation>γ del kernel RBF exp(−γ‖x − x′‖²): cuanto mayor γ, más onduladas las fronteras.</translation>
    </message>
    <message>
        <source>m, the number of random features (the length of φ(x), the columns of W).</source>
        <translation>m, la cantidad de características aleatorias (la longitud de φ(x), las columnas de W).</translation>
    </message>
    <message>
        <source>k: the k nearest training points vote; the majority class wins (ties are shown white).</source>
        <translation>k: votan los k puntos de entrenamiento más cercanos; gana la clase mayoritaria (los empates se muestran en blanco).</translation>
    </message>
    <message>
        <source>d(x, x′) = |x₁ − x′₁| + |x₂ − x′₂|</source>
        <translation>d(x, x′) = |x₁ − x′₁| + |x₂ − x′₂|</translation>
    </message>
    <message>
        <source>d(x, x′) = √((x₁ − x′₁)² + (x₂ − x′₂)²)</source>
        <translation>d(x, x′) = √((x₁ − x′₁)² + (x₂ − x′₂)²)</translation>
    </message>
    <message>
        <source>A change of settings retrains from step 0 with the initial W.</source>
        <translation>Un cambio de configuración vuelve a entrenar desde el paso 0 con el W inicial.</translation>
    </message>
    <message>
        <source>A change of settings keeps steps 0 … t and trains on from the current step t
with the new settings: a branch of the run.</source>
        <translation>Un cambio de configuración conserva los pasos 0 … t y sigue entrenando desde el paso actual t
con la nueva configuración: una rama de la corrida.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>include j = yᵢ in the sum</source>
        <translation>incluir j = yᵢ en la suma</translation>
    </message>
    <message>
        <source>mean over classes</source>
        <translation>promedio sobre clases</translation>
    </message>
    <message>
        <source>squared hinge max(0, ·)²</source>
        <translation>bisagra² max(0, ·)²</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>Regularización</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimización</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Características</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>On an edit</source>
        <translation>Al editar</translation>
    </message>
    <message>
        <source>Which multiclass SVM loss (hover the items for their formulas).</source>
        <translation>Qué pérdida SVM multiclase (pasar el mouse sobre las opciones para ver sus fórmulas).</translation>
    </message>
    <message>
        <source>SVM loss</source>
        <translation>Pérdida SVM</translation>
    </message>
    <message>
        <source>Δ margin</source>
        <translation>Δ margen</translation>
    </message>
    <message>
        <source>R(W), the regulariser (hover the items for the formulas).</source>
        <translation>R(W), el regularizador (pasar el mouse sobre las opciones para ver las fórmulas).</translation>
    </message>
    <message>
        <source>λ strength</source>
        <translation>λ intensidad</translation>
    </message>
    <message>
        <source>regularise the bias b too</source>
        <translation>regularizar también b</translation>
    </message>
    <message>
        <source>α learning rate</source>
        <translation>α tasa de aprendizaje</translation>
    </message>
    <message>
        <source>full (N)</source>
        <translation>completo (N)</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>tamaño de lote</translation>
    </message>
    <message>
        <source>The update rule (hover the items for the formulas).</source>
        <translation>La regla de actualización (pasar el mouse sobre las opciones para ver las fórmulas).</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>optimizador</translation>
    </message>
    <message>
        <source>How α changes with the step t (hover the items).</source>
        <translation>Cómo cambia α con el paso t (pasar el mouse sobre las opciones).</translation>
    </message>
    <message>
        <source>α schedule</source>
        <translation>α calendario</translation>
    </message>
    <message>
        <source>Step decay: α_t = α · γ^⌊t / every⌋</source>
        <translation>Decaimiento escalonado: α_t = α · γ^⌊t / cada⌋</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> pasos</translation>
    </message>
    <message>
        <source>every</source>
        <translation>cada</translation>
    </message>
    <message>
        <source>1/t decay: α_t = α / (1 + k·t)</source>
        <translation>Decaimiento 1/t: α_t = α / (1 + k·t)</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>pasos</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>semilla</translation>
    </message>
    <message>
        <source>The starting W and b (step 0).</source>
        <translation>El W y b iniciales (paso 0).</translation>
    </message>
    <message>
        <source>initial W</source>
        <translation>W inicial</translation>
    </message>
    <message>
        <source>φ(x), the features the linear classifier sees: s = W φ(x) + b (hover the items).</source>
        <translation>φ(x), las características que ve el clasificador lineal: s = W φ(x) + b (pasar el mouse sobre las opciones).</translation>
    </message>
    <message>
        <source>m features</source>
        <translation>m características</translation>
    </message>
    <message>
        <source>The distance between points (hover the items).</source>
        <translation>La distancia entre puntos (pasar el mouse sobre las opciones).</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>distancia</translation>
    </message>
    <message>
        <source>New points get the checked class; names are editable.</source>
        <translation>Los puntos nuevos reciben la clase marcada; los nombres se pueden editar.</translation>
    </message>
    <message>
        <source>Number of classes (2–10). Fewer classes deletes the points of the classes dropped.</source>
        <translation>Cantidad de clases (2–10). Con menos clases se borran los puntos de las clases quitadas.</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>clases</translation>
    </message>
    <message>
        <source>restart from step 0</source>
        <translation>reiniciar desde el paso 0</translation>
    </message>
    <message>
        <source>New points on the plane get class {0} (or press {1} on the plane).</source>
        <translation>Los puntos nuevos del plano reciben la clase {0} (o presionar {1} sobre el plano).</translation>
    </message>
    <message>
        <source>The class's name: unique and not empty (Enter to apply).</source>
        <translation>El nombre de la clase: único y no vacío (Enter para aplicar).</translation>
    </message>
    <message>
        <source>class {0}: a class name cannot be empty</source>
        <translation>clase {0}: el nombre de una clase no puede estar vacío</translation>
    </message>
    <message>
        <source>“{0}” is already the name of another class; names must be unique</source>
        <translation>“{0}” ya es el nombre de otra clase; los nombres deben ser únicos</translation>
    </message>
    <message>
        <source>{0}. Kept “{1}”.</source>
        <translation>{0}. Se conserva “{1}”.</translation>
    </message>
    <message>
        <source>branch from this step</source>
        <translation>ramificar en este paso</translation>
    </message>
    <message>
        <source>full ({0})</source>
        <translation>completo ({0})</translation>
    </message>
    <message>
        <source>preset (none)</source>
        <translation>predefinido (no hay)</translation>
    </message>
    <message>
        <source>This data set has no preset W (or the features are not identity):
the run starts from a random W, as with “random”.</source>
        <translation>Este conjunto de datos no tiene W predefinido (o las características no son la identidad):
la corrida empieza desde un W aleatorio, como con “aleatorio”.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>linviz crashed</source>
        <translation>linviz se cerró por un error</translation>
    </message>
    <message>
        <source>linviz closed unexpectedly last time. What it was doing is in this crash report — please send it to the linviz developers:

{0}

Work saved automatically before the crash is offered next.</source>
        <translation>linviz se cerró inesperadamente la última vez. Lo que estaba haciendo quedó en este informe de error; por favor envíelo a quienes desarrollan linviz:

{0}

A continuación se ofrece el trabajo guardado automáticamente antes del cierre.</translation>
    </message>
</context>
<context>
    <name>Data</name>
    <message>
        <source>class {0}</source>
        <translation>clase {0}</translation>
    </message>
</context>
<context>
    <name>Demos</name>
    <message>
        <source>The lecture's scenes: double-click one to show it with its figures (F5 starts the lecture, PageDown goes on).</source>
        <translation>Las escenas de la clase: doble clic en una para mostrarla con sus cifras (F5 inicia la clase, AvPág avanza).</translation>
    </message>
    <message>
        <source>Lecture</source>
        <translation>Clase teórica</translation>
    </message>
    <message>
        <source>&amp;Lecture</source>
        <translation>&amp;Clase teórica</translation>
    </message>
    <message>
        <source>SVM data loss ≈ (C − 1)·Δ</source>
        <translation>pérdida de datos SVM ≈ (C − 1)·Δ</translation>
    </message>
    <message>
        <source>Softmax data loss ≈ ln C</source>
        <translation>pérdida de datos Softmax ≈ ln C</translation>
    </message>
    <message>
        <source>largest |score|</source>
        <translation>mayor |puntaje|</translation>
    </message>
    <message>
        <source>data loss, sum over every j</source>
        <translation>pérdida de datos, suma sobre todo j</translation>
    </message>
    <message>
        <source>data loss, sum over j ≠ yᵢ</source>
        <translation>pérdida de datos, suma sobre j ≠ yᵢ</translation>
    </message>
    <message>
        <source>smallest growth of one Lᵢ</source>
        <translation>menor aumento de un Lᵢ</translation>
    </message>
    <message>
        <source>largest growth of one Lᵢ</source>
        <translation>mayor aumento de un Lᵢ</translation>
    </message>
    <message>
        <source>final data loss with the mean</source>
        <translation>pérdida de datos final con el promedio</translation>
    </message>
    <message>
        <source>final data loss with the sum</source>
        <translation>pérdida de datos final con la suma</translation>
    </message>
    <message>
        <source>largest difference between the two final W</source>
        <translation>mayor diferencia entre los dos W finales</translation>
    </message>
    <message>
        <source>share of points classified alike</source>
        <translation>fracción de puntos clasificados igual</translation>
    </message>
    <message>
        <source>largest hinge term at the start, squared</source>
        <translation>mayor término bisagra al inicio, al cuadrado</translation>
    </message>
    <message>
        <source>largest hinge term at the start</source>
        <translation>mayor término bisagra al inicio</translation>
    </message>
    <message>
        <source>data loss at the start, hinge</source>
        <translation>pérdida de datos al inicio, bisagra</translation>
    </message>
    <message>
        <source>data loss at the start, squared hinge</source>
        <translation>pérdida de datos al inicio, bisagra al cuadrado</translation>
    </message>
    <message>
        <source>largest violation after training, hinge</source>
        <translation>mayor violación tras entrenar, bisagra</translation>
    </message>
    <message>
        <source>largest violation after training, squared</source>
        <translation>mayor violación tras entrenar, al cuadrado</translation>
    </message>
    <message>
        <source>accuracy after training, hinge</source>
        <translation>exactitud tras entrenar, bisagra</translation>
    </message>
    <message>
        <source>accuracy after training, squared</source>
        <translation>exactitud tras entrenar, al cuadrado</translation>
    </message>
    <message>
        <source>share of the plane whose class changes</source>
        <translation>fracción del plano que cambia de clase</translation>
    </message>
    <message>
        <source>‖W′‖ / ‖W‖</source>
        <translation>‖W′‖ / ‖W‖</translation>
    </message>
    <message>
        <source>accuracy with Δ′ = {0}</source>
        <translation>exactitud con Δ′ = {0}</translation>
    </message>
    <message>
        <source>accuracy with Δ = {0}</source>
        <translation>exactitud con Δ = {0}</translation>
    </message>
    <message>
        <source>SVM Lᵢ before</source>
        <translation>Lᵢ de SVM antes</translation>
    </message>
    <message>
        <source>SVM Lᵢ after the move</source>
        <translation>Lᵢ de SVM después de mover</translation>
    </message>
    <message>
        <source>Softmax Lᵢ before</source>
        <translation>Lᵢ de Softmax antes</translation>
    </message>
    <message>
        <source>Softmax Lᵢ after the move</source>
        <translation>Lᵢ de Softmax después de mover</translation>
    </message>
    <message>
        <source>margin slack before</source>
        <translation>holgura del margen antes</translation>
    </message>
    <message>
        <source>margin slack after</source>
        <translation>holgura del margen después</translation>
    </message>
    <message>
        <source>data loss, every point in place</source>
        <translation>pérdida de datos, todos los puntos en su lugar</translation>
    </message>
    <message>
        <source>Lᵢ, point moved {0} to the wrong side</source>
        <translation>Lᵢ, punto movido {0} hacia el lado equivocado</translation>
    </message>
    <message>
        <source>growth of Lᵢ per unit at the far end</source>
        <translation>aumento de Lᵢ por unidad en el extremo</translation>
    </message>
    <message>
        <source>SVM data loss at the end</source>
        <translation>pérdida de datos SVM al final</translation>
    </message>
    <message>
        <source>Softmax data loss at the end</source>
        <translation>pérdida de datos Softmax al final</translation>
    </message>
    <message>
        <source>SVM: ‖W‖ growth in the 2nd half</source>
        <translation>SVM: aumento de ‖W‖ en la 2.ª mitad</translation>
    </message>
    <message>
        <source>Softmax: ‖W‖ growth in the 2nd half</source>
        <translation>Softmax: aumento de ‖W‖ en la 2.ª mitad</translation>
    </message>
    <message>
        <source>SVM ‖W‖ at the end</source>
        <translation>‖W‖ de SVM al final</translation>
    </message>
    <message>
        <source>Softmax ‖W‖ at the end</source>
        <translation>‖W‖ de Softmax al final</translation>
    </message>
    <message>
        <source>‖W‖, L2 with λ = {0}</source>
        <translation>‖W‖, L2 con λ = {0}</translation>
    </message>
    <message>
        <source>‖W‖, λ = 0</source>
        <translation>‖W‖, λ = 0</translation>
    </message>
    <message>
        <source>narrowest margin, λ = {0}</source>
        <translation>margen más angosto, λ = {0}</translation>
    </message>
    <message>
        <source>narrowest margin, λ = 0</source>
        <translation>margen más angosto, λ = 0</translation>
    </message>
    <message>
        <source>L1 (poly3): weights at 0, of {0}</source>
        <translation>L1 (poly3): pesos en 0, de {0}</translation>
    </message>
    <message>
        <source>L2 (poly3): weights at 0, of {0}</source>
        <translation>L2 (poly3): pesos en 0, de {0}</translation>
    </message>
    <message>
        <source>L1 (poly3): accuracy</source>
        <translation>L1 (poly3): exactitud</translation>
    </message>
    <message>
        <source>L2 (poly3): accuracy</source>
        <translation>L2 (poly3): exactitud</translation>
    </message>
    <message>
        <source>mean |Δloss| per step, full batch</source>
        <translation>|Δpérdida| media por paso, lote completo</translation>
    </message>
    <message>
        <source>mean |Δloss| per step, batch {0}</source>
        <translation>|Δpérdida| media por paso, lote de {0}</translation>
    </message>
    <message>
        <source>naive loop: steps until |Δloss| &lt; {0}</source>
        <translation>bucle ingenuo: pasos hasta |Δpérdida| &lt; {0}</translation>
    </message>
    <message>
        <source>naive loop: loss when it stopped</source>
        <translation>bucle ingenuo: pérdida al detenerse</translation>
    </message>
    <message>
        <source>naive loop: accuracy when it stopped</source>
        <translation>bucle ingenuo: exactitud al detenerse</translation>
    </message>
    <message>
        <source>accuracy with φ = {0}</source>
        <translation>exactitud con φ = {0}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>The picture must be between 1 and {0} pixels on each side, not {1} × {2}.</source>
        <translation>La imagen debe tener entre 1 y {0} píxeles de lado, no {1} × {2}.</translation>
    </message>
    <message>
        <source>Not enough memory for a {0} × {1} picture.</source>
        <translation>No hay memoria suficiente para una imagen de {0} × {1}.</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>La carpeta {0} no existe.</translation>
    </message>
    <message>
        <source>Cannot write to the folder {0}: permission denied.</source>
        <translation>No se puede escribir en la carpeta {0}: permiso denegado.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}.</source>
        <translation>No se pudo escribir {0}: {1}.</translation>
    </message>
    <message>
        <source>Qt could not encode the picture as {0}.</source>
        <translation>Qt no pudo codificar la imagen como {0}.</translation>
    </message>
    <message>
        <source>Only a plot can be saved as SVG; save this view as PNG instead.</source>
        <translation>Solo un gráfico se puede guardar como SVG; guardar esta vista como PNG.</translation>
    </message>
    <message>
        <source>Qt could not start the SVG picture.</source>
        <translation>Qt no pudo iniciar la imagen SVG.</translation>
    </message>
    <message>
        <source>{0} frames of {1} × {2} are too many for a GIF (it is built in memory); use MP4, a smaller size or a larger step between frames.</source>
        <translation>{0} cuadros de {1} × {2} son demasiados para un GIF (se arma en memoria); usar MP4, un tamaño menor o más pasos entre cuadros.</translation>
    </message>
    <message>
        <source>Not enough memory for {0} GIF frames of {1} × {2}.</source>
        <translation>No hay memoria suficiente para {0} cuadros GIF de {1} × {2}.</translation>
    </message>
    <message>
        <source>{0} export needs the imageio and imageio-ffmpeg packages ({1}).</source>
        <translation>Exportar a {0} requiere los paquetes imageio e imageio-ffmpeg ({1}).</translation>
    </message>
    <message>
        <source>MP4 export needs ffmpeg, and none was found: {0}. Reinstall imageio-ffmpeg (its wheel carries ffmpeg) or save a GIF.</source>
        <translation>Exportar a MP4 requiere ffmpeg y no se encontró: {0}. Reinstalar imageio-ffmpeg (su wheel trae ffmpeg) o guardar un GIF.</translation>
    </message>
    <message>
        <source>Save the animation as .gif or .mp4, not {0}.</source>
        <translation>Guardar la animación como .gif o .mp4, no {0}.</translation>
    </message>
    <message>
        <source>a file without suffix</source>
        <translation>un archivo sin extensión</translation>
    </message>
    <message>
        <source>kNN does not train, so there are no steps to animate.</source>
        <translation>kNN no entrena, así que no hay pasos para animar.</translation>
    </message>
    <message>
        <source>The step range is empty.</source>
        <translation>El rango de pasos está vacío.</translation>
    </message>
    <message>
        <source>Steps must lie between 0 and {0}.</source>
        <translation>Los pasos deben estar entre 0 y {0}.</translation>
    </message>
    <message>
        <source>The frame rate must be above 0.</source>
        <translation>Los cuadros por segundo deben ser más de 0.</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was saved.</source>
        <translation>Exportación cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>Plano</translation>
    </message>
    <message>
        <source>Loss curve (with its key)</source>
        <translation>Curva de pérdida (con su leyenda)</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>Superficie de pérdida</translation>
    </message>
    <message>
        <source>Regularisation geometry</source>
        <translation>Geometría de la regularización</translation>
    </message>
    <message>
        <source>Score table</source>
        <translation>Tabla de puntajes</translation>
    </message>
    <message>
        <source>W and b table</source>
        <translation>Tabla de W y b</translation>
    </message>
    <message>
        <source>Whole window</source>
        <translation>Ventana completa</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Imagen PNG</translation>
    </message>
    <message>
        <source>SVG drawing (plots only)</source>
        <translation>Dibujo SVG (solo gráficos)</translation>
    </message>
    <message>
        <source>MP4 video (H.264)</source>
        <translation>Video MP4 (H.264)</translation>
    </message>
    <message>
        <source>GIF animation</source>
        <translation>Animación GIF</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Image (PNG, SVG)…</source>
        <translation>Imagen (PNG, SVG)…</translation>
    </message>
    <message>
        <source>Save a view as a picture at any size, or copy it</source>
        <translation>Guardar una vista como imagen de cualquier tamaño, o copiarla</translation>
    </message>
    <message>
        <source>Copy plane to clipboard</source>
        <translation>Copiar el plano al portapapeles</translation>
    </message>
    <message>
        <source>Put a picture of the plane on the clipboard, ready to paste into slides</source>
        <translation>Poner una imagen del plano en el portapapeles, lista para pegar en diapositivas</translation>
    </message>
    <message>
        <source>Animation (GIF, MP4)…</source>
        <translation>Animación (GIF, MP4)…</translation>
    </message>
    <message>
        <source>Play a range of training steps into a GIF or an MP4 film</source>
        <translation>Grabar un rango de pasos de entrenamiento en un GIF o un video MP4</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Falló la exportación</translation>
    </message>
    <message>
        <source>Saved {0} to {1}.</source>
        <translation>Se guardó {0} en {1}.</translation>
    </message>
    <message>
        <source>Copied a {0} × {1} picture to the clipboard.</source>
        <translation>Se copió una imagen de {0} × {1} al portapapeles.</translation>
    </message>
    <message>
        <source>Rendering frames…</source>
        <translation>Generando cuadros…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>Exportar animación</translation>
    </message>
    <message>
        <source>Saved {0} ({1} frames) to {2}.</source>
        <translation>Se guardó {0} ({1} cuadros) en {2}.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>Exportar imagen</translation>
    </message>
    <message>
        <source>keep the view's proportions</source>
        <translation>mantener las proporciones de la vista</translation>
    </message>
    <message>
        <source>Unchecked, the view is laid out afresh to fill the size you give</source>
        <translation>Sin marcar, la vista se reacomoda para llenar el tamaño indicado</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>Copiar al portapapeles</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Vista:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Tamaño:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> cps</translation>
    </message>
    <message>
        <source>GIF viewers play at most 50 frames per second</source>
        <translation>Los visores de GIF reproducen como máximo 50 cuadros por segundo</translation>
    </message>
    <message>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>, a frame every</source>
        <translation>, un cuadro cada</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>pasos</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Pasos:</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>Cuadros por segundo:</translation>
    </message>
    <message>
        <source>{0} frames · {1} s at {2} fps</source>
        <translation>{0} cuadros · {1} s a {2} cps</translation>
    </message>
    <message>
        <source>MP4 needs even sides: {0} × {1}</source>
        <translation>MP4 necesita lados pares: {0} × {1}</translation>
    </message>
    <message>
        <source>GIF plays at most {0} fps</source>
        <translation>GIF reproduce como máximo {0} cps</translation>
    </message>
    <message>
        <source>The step range is empty: 'from' must not be after 'to'.</source>
        <translation>El rango de pasos está vacío: 'desde' no puede ser posterior a 'hasta'.</translation>
    </message>
</context>
<context>
    <name>GeneratorDialog</name>
    <message>
        <source>Generate points</source>
        <translation>Generar puntos</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Points per class</source>
        <translation>Puntos por clase</translation>
    </message>
    <message>
        <source>Classes (blobs, separable, spiral)</source>
        <translation>Clases (blobs, separable, spiral)</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Ruido</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
</context>
<context>
    <name>GradCheck</name>
    <message>
        <source>parameter</source>
        <translation>parámetro</translation>
    </message>
    <message>
        <source>analytic
∂L/∂θ</source>
        <translation>∂L/∂θ
analítico</translation>
    </message>
    <message>
        <source>numerical
∂L/∂θ</source>
        <translation>∂L/∂θ
numérico</translation>
    </message>
    <message>
        <source>relative
error</source>
        <translation>error
relativo</translation>
    </message>
    <message>
        <source>both ≈ 0</source>
        <translation>ambos ≈ 0</translation>
    </message>
    <message>
        <source>Both gradients are 0 within round-off (|·| ≤ {0}): the error is the finite difference's noise, not a wrong gradient.</source>
        <translation>Ambos gradientes son 0 salvo redondeo (|·| ≤ {0}): el error es el ruido de la diferencia finita, no un gradiente equivocado.</translation>
    </message>
    <message>
        <source>({0}: both 0 within round-off, left out.)</source>
        <translation>({0}: ambos 0 salvo redondeo, se dejan afuera.)</translation>
    </message>
    <message>
        <source>(a little above 1e-7: round-off, or a margin near a kink of max(0, ·))</source>
        <translation>(un poco por encima de 1e-7: redondeo, o un margen cerca de un quiebre de max(0, ·))</translation>
    </message>
    <message>
        <source>max relative error {0} — the analytic gradient is right{1}.{2}</source>
        <translation>error relativo máximo {0} — el gradiente analítico está bien{1}.{2}</translation>
    </message>
    <message>
        <source>An SVM margin s_j − s_yi + Δ within h = 1e-5 of 0 sits on the kink of max(0, ·): the loss has no derivative there and the centred difference straddles the corner. Step on and check again; if it stays high, the gradient is wrong.</source>
        <translation>Un margen SVM s_j − s_yi + Δ a menos de h = 1e-5 de 0 cae en el quiebre de max(0, ·): ahí la pérdida no tiene derivada y la diferencia centrada queda a ambos lados de la esquina. Avanzar un paso y volver a verificar; si sigue alto, el gradiente está mal.</translation>
    </message>
    <message>
        <source>Softmax is smooth, so this points to a wrong gradient (or a step of h = 1e-5 far too coarse).</source>
        <translation>Softmax es suave, así que esto indica un gradiente equivocado (o un paso h = 1e-5 demasiado grueso).</translation>
    </message>
    <message>
        <source>⚠ max relative error {0}, above 1e-4. {1}{2}</source>
        <translation>⚠ error relativo máximo {0}, por encima de 1e-4. {1}{2}</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Verificar ahora</translation>
    </message>
    <message>
        <source>Recompute the numerical gradient at the current step</source>
        <translation>Recalcular el gradiente numérico en el paso actual</translation>
    </message>
    <message>
        <source>kNN has no parameters and no gradient to check.</source>
        <translation>kNN no tiene parámetros ni gradiente para verificar.</translation>
    </message>
    <message>
        <source>Step {0}: ∂loss/∂θ recorded in training against centred differences (f(θ + h) − f(θ − h)) / 2h, h = 1e-5.</source>
        <translation>Paso {0}: ∂pérdida/∂θ registrado en el entrenamiento frente a diferencias centradas (f(θ + h) − f(θ − h)) / 2h, h = 1e-5.</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>Exportar...</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Export handout (PDF)…</source>
        <translation>Exportar apunte (PDF)…</translation>
    </message>
    <message>
        <source>A PDF for students: the settings, the plane at four moments of the run, the loss curve and the score table</source>
        <translation>Un PDF para los estudiantes: la configuración, el plano en cuatro momentos de la corrida, la curva de pérdida y la tabla de puntajes</translation>
    </message>
    <message>
        <source>Export handout</source>
        <translation>Exportar apunte</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the handout {0}</source>
        <translation>Se guardó el apunte {0}</translation>
    </message>
</context>
<context>
    <name>Heldout</name>
    <message>
        <source>held out: {0} of {1} (never trained on)</source>
        <translation>de prueba: {0} de {1} (nunca entrenados)</translation>
    </message>
    <message>
        <source>Hold out test points ({0} %)</source>
        <translation>Reservar puntos de prueba ({0} %)</translation>
    </message>
    <message>
        <source>Hold out a share of the points as a test set: training never sees them, the loss curve and the status line measure them apart.</source>
        <translation>Reserva una parte de los puntos como conjunto de prueba: el entrenamiento nunca los ve; la curva de pérdida y la línea de estado los miden aparte.</translation>
    </message>
</context>
<context>
    <name>HoldSwitch</name>
    <message>
        <source>Retrain on edit</source>
        <translation>Reentrenar al editar</translation>
    </message>
    <message>
        <source>On: moving a point or changing a setting trains again. Off (H): the W on screen is held, and an edit only recomputes the scores and losses.</source>
        <translation>Activado: mover un punto o cambiar un ajuste vuelve a entrenar. Desactivado (H): se mantiene el W de la pantalla y una edición sólo recalcula los puntajes y las pérdidas.</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Class {0} for new points</source>
        <translation>Clase {0} para los puntos nuevos</translation>
    </message>
    <message>
        <source>Blank the screen</source>
        <translation>Pantalla en negro</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Español</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Show the interface in English</source>
        <translation>Mostrar la interfaz en inglés</translation>
    </message>
    <message>
        <source>Show the interface in Spanish</source>
        <translation>Mostrar la interfaz en español</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>Lecture</name>
    <message>
        <source>Previous scene (PageUp, ←)</source>
        <translation>Escena anterior (RePág, ←)</translation>
    </message>
    <message>
        <source>Next scene (PageDown, →)</source>
        <translation>Escena siguiente (AvPág, →)</translation>
    </message>
    <message>
        <source>Leave the lecture (Esc); F5 comes back to this scene</source>
        <translation>Salir de la clase (Esc); F5 vuelve a esta escena</translation>
    </message>
    <message>
        <source>Reveal (R)</source>
        <translation>Revelar (R)</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Magnitud</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Medido</translation>
    </message>
    <message>
        <source>&amp;Lecture</source>
        <translation>&amp;Clase teórica</translation>
    </message>
    <message>
        <source>Start the lecture</source>
        <translation>Comenzar la clase</translation>
    </message>
    <message>
        <source>Open lecture…</source>
        <translation>Abrir clase…</translation>
    </message>
    <message>
        <source>Add this as a scene…</source>
        <translation>Agregar esto como escena…</translation>
    </message>
    <message>
        <source>Next scene</source>
        <translation>Escena siguiente</translation>
    </message>
    <message>
        <source>Previous scene</source>
        <translation>Escena anterior</translation>
    </message>
    <message>
        <source>Reveal the answer</source>
        <translation>Revelar la respuesta</translation>
    </message>
    <message>
        <source>Leave the lecture</source>
        <translation>Salir de la clase</translation>
    </message>
    <message>
        <source>Choose {0}</source>
        <translation>Elegir {0}</translation>
    </message>
    <message>
        <source>Open lecture</source>
        <translation>Abrir clase</translation>
    </message>
    <message>
        <source>Lectures (*.json)</source>
        <translation>Clases (*.json)</translation>
    </message>
    <message>
        <source>Could not open the lecture: {0}</source>
        <translation>No se pudo abrir la clase: {0}</translation>
    </message>
    <message>
        <source>Opened the lecture “{0}” ({1} scenes).</source>
        <translation>Se abrió la clase «{0}» ({1} escenas).</translation>
    </message>
    <message>
        <source>Add the scene to the lecture</source>
        <translation>Agregar la escena a la clase</translation>
    </message>
    <message>
        <source>Add this as a scene</source>
        <translation>Agregar esto como escena</translation>
    </message>
    <message>
        <source>The scene's title:</source>
        <translation>Título de la escena:</translation>
    </message>
    <message>
        <source>Could not add the scene: {0}</source>
        <translation>No se pudo agregar la escena: {0}</translation>
    </message>
    <message>
        <source>Added scene {0} to {1}.</source>
        <translation>Se agregó la escena {0} a {1}.</translation>
    </message>
</context>
<context>
    <name>LectureFile</name>
    <message>
        <source>{0}: not a regular file</source>
        <translation>{0}: no es un archivo común</translation>
    </message>
    <message>
        <source>{0}: larger than {1} MiB</source>
        <translation>{0}: ocupa más de {1} MiB</translation>
    </message>
    <message>
        <source>{0}: not UTF-8 text</source>
        <translation>{0}: no es texto UTF-8</translation>
    </message>
    <message>
        <source>must be one of {0}</source>
        <translation>debe ser uno de {0}</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>el JSON está anidado demasiado hondo</translation>
    </message>
    <message>
        <source>not valid JSON: {0}</source>
        <translation>no es JSON válido: {0}</translation>
    </message>
    <message>
        <source>the file must be a JSON object</source>
        <translation>el archivo debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>must be {0}</source>
        <translation>debe ser {0}</translation>
    </message>
    <message>
        <source>must be an integer</source>
        <translation>debe ser un número entero</translation>
    </message>
    <message>
        <source>{0} is from a newer linviz (this one reads version {1}); update linviz</source>
        <translation>{0} es de un linviz más nuevo (este lee la versión {1}); actualice linviz</translation>
    </message>
    <message>
        <source>must be a list of 1 to {0} scenes</source>
        <translation>debe ser una lista de 1 a {0} escenas</translation>
    </message>
    <message>
        <source>{0} is also the id of scenes[{1}]</source>
        <translation>{0} también es el id de scenes[{1}]</translation>
    </message>
    <message>
        <source>must be {"en": "…", "es": "…"}</source>
        <translation>debe ser {"en": "…", "es": "…"}</translation>
    </message>
    <message>
        <source>must be a non-empty text</source>
        <translation>debe ser un texto no vacío</translation>
    </message>
    <message>
        <source>longer than 2,000 characters</source>
        <translation>tiene más de 2.000 caracteres</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>debe ser un número finito</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>unknown key {0}</source>
        <translation>clave desconocida {0}</translation>
    </message>
    <message>
        <source>must be a short id of lower-case letters, digits and dashes</source>
        <translation>debe ser un id corto de minúsculas, dígitos y guiones</translation>
    </message>
    <message>
        <source>W and b come together</source>
        <translation>W y b van juntos</translation>
    </message>
    <message>
        <source>must be a list of rows</source>
        <translation>debe ser una lista de filas</translation>
    </message>
    <message>
        <source>rows of different lengths</source>
        <translation>filas de distinto largo</translation>
    </message>
    <message>
        <source>must hold {0} numbers, one per row of W</source>
        <translation>debe tener {0} números, uno por fila de W</translation>
    </message>
    <message>
        <source>has {0} rows; the scene's points have {1} classes</source>
        <translation>tiene {0} filas; los puntos de la escena tienen {1} clases</translation>
    </message>
    <message>
        <source>must be zeros, random or preset</source>
        <translation>debe ser zeros, random o preset</translation>
    </message>
    <message>
        <source>must be a step number (0 to 100,000) or "last"</source>
        <translation>debe ser un número de paso (0 a 100.000) o "last"</translation>
    </message>
    <message>
        <source>must list panels among {0}</source>
        <translation>debe listar paneles entre {0}</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>debe ser true o false</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>debe ser una lista</translation>
    </message>
    <message>
        <source>must be {"preset": …} or {"points": …}</source>
        <translation>debe ser {"preset": …} o {"points": …}</translation>
    </message>
    <message>
        <source>must be a whole number (0 to 100,000)</source>
        <translation>debe ser un número entero (0 a 100.000)</translation>
    </message>
    <message>
        <source>must be a list of 1 to {0} [x, y, label] triples</source>
        <translation>debe ser una lista de 1 a {0} ternas [x, y, clase]</translation>
    </message>
    <message>
        <source>must name 2 to 10 classes</source>
        <translation>debe nombrar de 2 a 10 clases</translation>
    </message>
    <message>
        <source>must be [x, y, label]</source>
        <translation>debe ser [x, y, clase]</translation>
    </message>
    <message>
        <source>must be a class index 0 to {0}</source>
        <translation>debe ser un índice de clase de 0 a {0}</translation>
    </message>
    <message>
        <source>a class name longer than 100 characters</source>
        <translation>un nombre de clase de más de 100 caracteres</translation>
    </message>
    <message>
        <source>names per language need &quot;version&quot;: {0}</source>
        <translation>los nombres por idioma necesitan &quot;version&quot;: {0}</translation>
    </message>
    <message>
        <source>names {0} classes; {1} names {2}</source>
        <translation>nombra {0} clases; {1} nombra {2}</translation>
    </message>
    <message>
        <source>must hold 2 to 4 choices</source>
        <translation>debe tener de 2 a 4 opciones</translation>
    </message>
    <message>
        <source>must be the index of a choice, 0 to {0}</source>
        <translation>debe ser el índice de una opción, de 0 a {0}</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>linviz lessons ({0})</source>
        <translation>lecciones de linviz ({0})</translation>
    </message>
    <message>
        <source>Untitled lesson</source>
        <translation>Lección sin título</translation>
    </message>
    <message>
        <source>{0}{1} — linviz — {2} ({3} points, {4} classes)</source>
        <translation>{0}{1} — linviz — {2} ({3} puntos, {4} clases)</translation>
    </message>
    <message>
        <source>could not show it ({0}); nothing was changed</source>
        <translation>no se pudo mostrar ({0}); no se cambió nada</translation>
    </message>
    <message>
        <source>Re-running run {0} of {1} (step {2} of {3} overall)…</source>
        <translation>Volviendo a ejecutar la corrida {0} de {1} (paso {2} de {3} en total)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Opening the lesson</source>
        <translation>Abriendo la lección</translation>
    </message>
    <message>
        <source>{0} of the lesson's runs did not replay exactly (were its settings edited by hand?): {1}</source>
        <translation>{0} de las corridas de la lección no se reprodujeron exactamente (¿se editaron sus ajustes a mano?): {1}</translation>
    </message>
    <message>
        <source>Opening {0} was cancelled; nothing was changed.</source>
        <translation>Se canceló la apertura de {0}; no se cambió nada.</translation>
    </message>
    <message>
        <source>Could not open the lesson</source>
        <translation>No se pudo abrir la lección</translation>
    </message>
    <message>
        <source>Opened {0}.</source>
        <translation>Se abrió {0}.</translation>
    </message>
    <message>
        <source>Could not save the lesson</source>
        <translation>No se pudo guardar la lección</translation>
    </message>
    <message>
        <source>Saved the lesson to {0}.</source>
        <translation>Se guardó la lección en {0}.</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>Abrir lección</translation>
    </message>
    <message>
        <source>Save lesson as</source>
        <translation>Guardar lección como</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to {0} first?</source>
        <translation>¿Guardar antes los cambios de {0}?</translation>
    </message>
    <message>
        <source>kNN has no W and b to export; pick SVM or Softmax.</source>
        <translation>kNN no tiene W ni b para exportar; elegir SVM o Softmax.</translation>
    </message>
    <message>
        <source>Export W and b</source>
        <translation>Exportar W y b</translation>
    </message>
    <message>
        <source>kNN does not train, so there is no history to export.</source>
        <translation>kNN no entrena, así que no hay historial para exportar.</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Exportar historial</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>No se pudo exportar</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>Se guardó {0}.</translation>
    </message>
    <message>
        <source>Removed from Recent lessons (file no longer found): {0}</source>
        <translation>Quitado de Lecciones recientes (el archivo ya no está): {0}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Vaciar la lista</translation>
    </message>
    <message>
        <source>Autosave is off: cannot write to {0} ({1}).</source>
        <translation>El autoguardado está desactivado: no se puede escribir en {0} ({1}).</translation>
    </message>
    <message>
        <source>Autosave failed: {0}</source>
        <translation>Falló el autoguardado: {0}</translation>
    </message>
    <message>
        <source>Could not restore the autosave</source>
        <translation>No se pudo restaurar el autoguardado</translation>
    </message>
    <message>
        <source>Restored the autosaved work on {0}; save it to keep it.</source>
        <translation>Se restauró el trabajo autoguardado de {0}; hay que guardarlo para conservarlo.</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>Nueva lección</translation>
    </message>
    <message>
        <source>Start again from the CS231n points and default settings</source>
        <translation>Volver a empezar con los puntos de CS231n y la configuración predeterminada</translation>
    </message>
    <message>
        <source>Open lesson…</source>
        <translation>Abrir lección…</translation>
    </message>
    <message>
        <source>Open a prepared lesson: points, settings and every recorded step</source>
        <translation>Abrir una lección preparada: puntos, configuración y todos los pasos registrados</translation>
    </message>
    <message>
        <source>Save lesson</source>
        <translation>Guardar lección</translation>
    </message>
    <message>
        <source>Save the points, settings and recorded steps as a lesson</source>
        <translation>Guardar los puntos, la configuración y los pasos registrados como una lección</translation>
    </message>
    <message>
        <source>Save lesson as…</source>
        <translation>Guardar lección como…</translation>
    </message>
    <message>
        <source>Save the lesson under a new name</source>
        <translation>Guardar la lección con otro nombre</translation>
    </message>
    <message>
        <source>Export W and b as CSV…</source>
        <translation>Exportar W y b como CSV…</translation>
    </message>
    <message>
        <source>W and b of the step shown, one row per class</source>
        <translation>W y b del paso que se muestra, una fila por clase</translation>
    </message>
    <message>
        <source>Export history as CSV…</source>
        <translation>Exportar historial como CSV…</translation>
    </message>
    <message>
        <source>Every recorded step: losses, accuracies, learning rate, W and b</source>
        <translation>Cada paso registrado: pérdidas, exactitudes, tasa de aprendizaje, W y b</translation>
    </message>
    <message>
        <source>Recent lessons</source>
        <translation>Lecciones recientes</translation>
    </message>
    <message>
        <source>%H:%M on %d %b %Y</source>
        <translation>%H:%M del %d/%m/%Y</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>¿Restaurar el trabajo sin guardar?</translation>
    </message>
    <message>
        <source>linviz did not close properly last time. Restore the work autosaved at {0}?</source>
        <translation>linviz no se cerró bien la última vez. ¿Restaurar el trabajo autoguardado a las {0}?</translation>
    </message>
</context>
<context>
    <name>LossCurve</name>
    <message>
        <source>accuracy (%)</source>
        <translation>exactitud (%)</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>data</source>
        <translation>datos</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
    <message>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>held-out data</source>
        <translation>datos de prueba</translation>
    </message>
    <message>
        <source>held-out accuracy</source>
        <translation>exactitud de prueba</translation>
    </message>
    <message>
        <source>kNN does not train: there is no loss to plot.</source>
        <translation>kNN no entrena: no hay pérdida para graficar.</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>escala logarítmica</translation>
    </message>
    <message>
        <source>Loss on a logarithmic axis (losses span orders of magnitude). A loss of exactly 0 sits at the bottom.</source>
        <translation>Pérdida en un eje logarítmico (las pérdidas abarcan órdenes de magnitud). Una pérdida de exactamente 0 queda abajo de todo.</translation>
    </message>
    <message>
        <source>held out</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>log</source>
        <translation>log</translation>
    </message>
    <message>
        <source>step &lt;b&gt;{0}&lt;/b&gt; of {1}</source>
        <translation>paso &lt;b&gt;{0}&lt;/b&gt; de {1}</translation>
    </message>
</context>
<context>
    <name>LossSurface</name>
    <message>
        <source>two parameters</source>
        <translation>dos parámetros</translation>
    </message>
    <message>
        <source>two random directions</source>
        <translation>dos direcciones aleatorias</translation>
    </message>
    <message>
        <source>principal directions of the path</source>
        <translation>direcciones principales del camino</translation>
    </message>
    <message>
        <source>total loss (data + λR)</source>
        <translation>total (datos + λR)</translation>
    </message>
    <message>
        <source>data loss</source>
        <translation>pérdida de datos</translation>
    </message>
    <message>
        <source>regularisation λR</source>
        <translation>regularización λR</translation>
    </message>
    <message>
        <source>total loss</source>
        <translation>pérdida total</translation>
    </message>
    <message>
        <source>kNN has no parameters to descend: it keeps the points and lets the k nearest vote. Pick SVM or Softmax to see a loss surface.</source>
        <translation>kNN no tiene parámetros sobre los que descender: guarda los puntos y deja votar a los k más cercanos. Elegir SVM o Softmax para ver una superficie de pérdida.</translation>
    </message>
    <message>
        <source>direction {0}</source>
        <translation>dirección {0}</translation>
    </message>
    <message>
        <source>3D needs PyOpenGL, which is not available here ({0}).</source>
        <translation>El 3D necesita PyOpenGL, que no está disponible acá ({0}).</translation>
    </message>
    <message>
        <source>3D needs OpenGL, which the “{0}” display platform does not provide.</source>
        <translation>El 3D necesita OpenGL, que la plataforma de pantalla “{0}” no ofrece.</translation>
    </message>
    <message>
        <source>3D needs OpenGL, but no OpenGL context could be created on this display.</source>
        <translation>El 3D necesita OpenGL, pero no se pudo crear un contexto OpenGL en esta pantalla.</translation>
    </message>
    <message>
        <source>3D needs OpenGL, but the OpenGL context could not be made current.</source>
        <translation>El 3D necesita OpenGL, pero no se pudo activar el contexto OpenGL.</translation>
    </message>
    <message>
        <source>3D needs OpenGL, which failed here ({0}).</source>
        <translation>El 3D necesita OpenGL, que falló acá ({0}).</translation>
    </message>
    <message>
        <source>Which 2D slice of parameter space to show</source>
        <translation>Qué corte 2D del espacio de parámetros mostrar</translation>
    </message>
    <message>
        <source>The parameter on the horizontal axis</source>
        <translation>El parámetro del eje horizontal</translation>
    </message>
    <message>
        <source>The parameter on the vertical axis</source>
        <translation>El parámetro del eje vertical</translation>
    </message>
    <message>
        <source>log colours</source>
        <translation>colores log.</translation>
    </message>
    <message>
        <source>Colour by log₁₀ of the loss: losses span orders of magnitude</source>
        <translation>Colorear según log₁₀ de la pérdida: las pérdidas abarcan órdenes de magnitud</translation>
    </message>
    <message>
        <source>Show the same slice as a 3D surface</source>
        <translation>Mostrar el mismo corte como superficie 3D</translation>
    </message>
    <message>
        <source>Slice:</source>
        <translation>Corte:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>No training run to show yet.</source>
        <translation>Todavía no hay una corrida de entrenamiento para mostrar.</translation>
    </message>
    <message>
        <source>The principal directions need a path of at least three distinct steps (this run has {0}). Train a few steps first, or pick another slice.</source>
        <translation>Las direcciones principales necesitan un camino de al menos tres pasos distintos (esta corrida tiene {0}). Entrenar algunos pasos primero, o elegir otro corte.</translation>
    </message>
    <message>
        <source>{0} (log scale)</source>
        <translation>{0} (escala log.)</translation>
    </message>
    <message>
        <source>Other parameters held at the last step (t = {0});</source>
        <translation>Los demás parámetros fijos en el último paso (t = {0});</translation>
    </message>
    <message>
        <source>Centred on the last step (t = {0});</source>
        <translation>Centrado en el último paso (t = {0});</translation>
    </message>
    <message>
        <source>black line: the path, red dot: the current step. Drag to turn the surface; untick 3D to click a new W, b on the map.</source>
        <translation>línea negra: el camino, punto rojo: el paso actual. Arrastrar para girar la superficie; desmarcar 3D para elegir con un clic un nuevo W, b en el mapa.</translation>
    </message>
    <message>
        <source>white line: the path, red dot: the current step. Click the map to set W, b there and train on from that point.</source>
        <translation>línea blanca: el camino, punto rojo: el paso actual. Hacer clic en el mapa para poner W, b ahí y seguir entrenando desde ese punto.</translation>
    </message>
    <message>
        <source>The regulariser is 0 here (λ = 0 or none).</source>
        <translation>Acá el regularizador es 0 (λ = 0 o ninguno).</translation>
    </message>
    <message>
        <source>3D could not start: {0}</source>
        <translation>No se pudo iniciar el 3D: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>Controles</translation>
    </message>
    <message>
        <source>W and b</source>
        <translation>W y b</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Puntajes</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>Superficie</translation>
    </message>
    <message>
        <source>Geometry</source>
        <translation>Geometría</translation>
    </message>
    <message>
        <source>Grad check</source>
        <translation>Verif. gradiente</translation>
    </message>
    <message>
        <source>Loss curve</source>
        <translation>Curva de pérdida</translation>
    </message>
    <message>
        <source>Open points…</source>
        <translation>Abrir puntos…</translation>
    </message>
    <message>
        <source>Save points as…</source>
        <translation>Guardar puntos como…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Datos</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Conjuntos predefinidos</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>Generar…</translation>
    </message>
    <message>
        <source>Clear all points</source>
        <translation>Borrar todos los puntos</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Reproducción</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Open points</source>
        <translation>Abrir puntos</translation>
    </message>
    <message>
        <source>Points (*.csv *.json)</source>
        <translation>Puntos (*.csv *.json)</translation>
    </message>
    <message>
        <source>Could not open the file</source>
        <translation>No se pudo abrir el archivo</translation>
    </message>
    <message>
        <source>Save points</source>
        <translation>Guardar puntos</translation>
    </message>
    <message>
        <source>Saved {0} points to {1}.</source>
        <translation>Se guardaron {0} puntos en {1}.</translation>
    </message>
    <message>
        <source>Could not save: {0}</source>
        <translation>No se pudo guardar: {0}</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Márgenes</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Barrido</translation>
    </message>
</context>
<context>
    <name>MarginChart</name>
    <message>
        <source>0–1</source>
        <translation>0–1</translation>
    </message>
    <message>
        <source>hinge</source>
        <translation>bisagra</translation>
    </message>
    <message>
        <source>hinge²</source>
        <translation>bisagra²</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>entropía cruzada</translation>
    </message>
    <message>
        <source>least squares</source>
        <translation>cuadrados mínimos</translation>
    </message>
    <message>
        <source>margin m = s_y − max s_j (j ≠ y)</source>
        <translation>margen m = s_y − máx s_j (j ≠ y)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>Needs a linear model (SVM, Softmax, least squares) and points.</source>
        <translation>Necesita un modelo lineal (SVM, Softmax, mínimos cuadrados) y puntos.</translation>
    </message>
    <message>
        <source>wrong side (m ≤ 0): {0} of {1}</source>
        <translation>del lado equivocado (m ≤ 0): {0} de {1}</translation>
    </message>
    <message>
        <source>Each dot is a point of the plane at step {0}; the thick curve is the run's own loss.</source>
        <translation>Cada punto es un punto del plano en el paso {0}; la curva gruesa es la pérdida de esta corrida.</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>kNN needs at least k = {0} points; the plane has {1}.</source>
        <translation>kNN necesita al menos k = {0} puntos; el plano tiene {1}.</translation>
    </message>
    <message>
        <source>Training diverged: the loss left the finite range at step {0}. {1} The plane shows step {2}, the last finite one.</source>
        <translation>El entrenamiento divergió: la pérdida salió del rango finito en el paso {0}. {1} El plano muestra el paso {2}, el último finito.</translation>
    </message>
    <message>
        <source>The loss is blowing up: {0} at step 0, {1} at step {2}. {3}</source>
        <translation>La pérdida se dispara: {0} en el paso 0, {1} en el paso {2}. {3}</translation>
    </message>
    <message>
        <source>The learning rate α = {0} is too large for these points: try a smaller learning rate.</source>
        <translation>La tasa de aprendizaje α = {0} es demasiado grande para estos puntos: probar una tasa de aprendizaje menor.</translation>
    </message>
    <message>
        <source>α = {0} with λ = {1}: the penalty alone multiplies W by {2} at every step, so W cannot settle. Try a smaller learning rate or λ.</source>
        <translation>α = {0} con λ = {1}: la penalización sola multiplica W por {2} en cada paso, así que W no puede estabilizarse. Probar una tasa de aprendizaje o un λ menores.</translation>
    </message>
    <message>
        <source>The starting W, b give a loss too large to compute at step 0: started from W = 0, b = 0.</source>
        <translation>Los W, b iniciales dan una pérdida demasiado grande para calcularla en el paso 0: se empezó desde W = 0, b = 0.</translation>
    </message>
    <message>
        <source>{0} = {1} is too large: W and b entries must lie within ±{2} (a larger value makes the loss too large to compute). Kept W, b as they were.</source>
        <translation>{0} = {1} es demasiado grande: los valores de W y b deben estar entre ±{2} (uno mayor hace la pérdida demasiado grande para calcularla). W y b quedaron como estaban.</translation>
    </message>
    <message>
        <source>These W, b give a loss too large to compute at step {0}. Kept W, b as they were; try smaller values.</source>
        <translation>Estos W, b dan una pérdida demasiado grande para calcularla en el paso {0}. Se conservaron W, b como estaban; probar valores más pequeños.</translation>
    </message>
    <message>
        <source>The new settings give a loss too large to compute at step {0}. Retrained from step 0 instead; try a smaller learning rate.</source>
        <translation>Los nuevos ajustes dan una pérdida demasiado grande para calcularla en el paso {0}. Se volvió a entrenar desde el paso 0; probar una tasa de aprendizaje menor.</translation>
    </message>
    <message>
        <source>The W, b on screen give a loss too large to compute on these points. Retrained from step 0 instead.</source>
        <translation>Los W, b en pantalla dan una pérdida demasiado grande para calcularla sobre estos puntos. Se volvió a entrenar desde el paso 0.</translation>
    </message>
    <message>
        <source>Run {0} of {1} did not replay exactly: the file recorded {2} steps, re-running gives {3}. Showing the re-run.</source>
        <translation>La corrida {0} de {1} no se reprodujo exactamente: el archivo registró {2} pasos, al volver a ejecutarla da {3}. Se muestra la nueva ejecución.</translation>
    </message>
    <message>
        <source>Run {0} of {1} did not replay exactly: the file says it stopped for “{2}”, re-running stops for “{3}”. Showing the re-run.</source>
        <translation>La corrida {0} de {1} no se reprodujo exactamente: el archivo dice que se detuvo por «{2}», al volver a ejecutarla se detiene por «{3}». Se muestra la nueva ejecución.</translation>
    </message>
    <message>
        <source>Run {0} of {1} cannot be checked: the file gives no final loss (was it edited by hand?); re-running ends at {2}. Showing the re-run.</source>
        <translation>La corrida {0} de {1} no se puede comprobar: el archivo no da una pérdida final (¿se editó a mano?); al volver a ejecutarla termina en {2}. Se muestra la nueva ejecución.</translation>
    </message>
    <message>
        <source>Run {0} of {1} did not replay exactly: the final loss was {2} in the file, {3} re-run. Showing the re-run.</source>
        <translation>La corrida {0} de {1} no se reprodujo exactamente: la pérdida final era {2} en el archivo y {3} al volver a ejecutarla. Se muestra la nueva ejecución.</translation>
    </message>
    <message>
        <source>the learning rate must be a finite number &gt; 0, not {0}</source>
        <translation>la tasa de aprendizaje debe ser un número finito &gt; 0, no {0}</translation>
    </message>
    <message>
        <source>the batch size must be ≥ 1 (or full), not {0}</source>
        <translation>el tamaño del lote debe ser ≥ 1 (o completo), no {0}</translation>
    </message>
    <message>
        <source>the number of steps must be ≥ 0, not {0}</source>
        <translation>el número de pasos debe ser ≥ 0, no {0}</translation>
    </message>
    <message>
        <source>tol must be ≥ 0, not {0}</source>
        <translation>tol debe ser ≥ 0, no {0}</translation>
    </message>
    <message>
        <source>gtol must be ≥ 0, not {0}</source>
        <translation>gtol debe ser ≥ 0, no {0}</translation>
    </message>
    <message>
        <source>line 1: the file is empty (a points file needs at least a header)</source>
        <translation>línea 1: el archivo está vacío (un archivo de puntos necesita al menos una cabecera)</translation>
    </message>
    <message>
        <source>line {0}: wrong number of columns: {1} found, 3 expected (x,y,label)</source>
        <translation>línea {0}: número de columnas incorrecto: hay {1}, se esperaban 3 (x,y,clase)</translation>
    </message>
    <message>
        <source>line {0}: text where a number belongs: {1} = {2}</source>
        <translation>línea {0}: texto donde va un número: {1} = {2}</translation>
    </message>
    <message>
        <source>line {0}, column {1}: invalid or truncated JSON: {2}</source>
        <translation>línea {0}, columna {1}: JSON no válido o truncado: {2}</translation>
    </message>
    <message>
        <source>{0}: file not found</source>
        <translation>{0}: no se encontró el archivo</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0}: cannot write file: {1}</source>
        <translation>{0}: no se puede escribir el archivo: {1}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>line {0}, column {1}: the file is truncated or not valid JSON ({2})</source>
        <translation>línea {0}, columna {1}: el archivo está truncado o no es JSON válido ({2})</translation>
    </message>
    <message>
        <source>{0}: the download failed ({1})</source>
        <translation>{0}: la descarga falló ({1})</translation>
    </message>
    <message>
        <source>{0}: the download is corrupt, its checksum does not match; nothing was kept ({1})</source>
        <translation>{0}: la descarga está dañada, su suma de verificación no coincide; no se guardó nada ({1})</translation>
    </message>
    <message>
        <source>{0}: no such folder</source>
        <translation>{0}: la carpeta no existe</translation>
    </message>
    <message>
        <source>line {0}</source>
        <translation>línea {0}</translation>
    </message>
    <message>
        <source>not a list</source>
        <translation>no es una lista</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>line {0}: a second '# classes:' line</source>
        <translation>línea {0}: una segunda línea '# classes:'</translation>
    </message>
    <message>
        <source>line {0}: wrong number of columns: {1} found, 3 expected (x,y,label) (separate columns with commas)</source>
        <translation>línea {0}: número de columnas incorrecto: hay {1}, se esperaban 3 (x,y,clase) (separe las columnas con comas)</translation>
    </message>
    <message>
        <source>line {0}: too many points: the limit is {1}</source>
        <translation>línea {0}: demasiados puntos: el límite es {1}</translation>
    </message>
    <message>
        <source>line 1: the file has only comments: no header and no points</source>
        <translation>línea 1: el archivo solo tiene comentarios: ni encabezado ni puntos</translation>
    </message>
    <message>
        <source>line {0}: bad '# classes:' line: {1}</source>
        <translation>línea {0}: línea '# classes:' incorrecta: {1}</translation>
    </message>
    <message>
        <source>line {0}: label {1} is text, but the file's labels are class numbers</source>
        <translation>línea {0}: la etiqueta {1} es texto, pero las etiquetas del archivo son números de clase</translation>
    </message>
    <message>
        <source>line {0}: label {1} is a number, but the file's labels are class names</source>
        <translation>línea {0}: la etiqueta {1} es un número, pero las etiquetas del archivo son nombres de clase</translation>
    </message>
    <message>
        <source>line {0}: unknown class {1}; the '# classes:' line names {2}</source>
        <translation>línea {0}: clase desconocida {1}; la línea '# classes:' nombra {2}</translation>
    </message>
    <message>
        <source>line {0}: class {1} would be the 11th: more than 10 classes</source>
        <translation>línea {0}: la clase {1} sería la 11.ª: más de 10 clases</translation>
    </message>
    <message>
        <source>line {0}: class name {1} must be non-empty with no comma, quote or newline</source>
        <translation>línea {0}: el nombre de clase {1} no puede estar vacío ni contener comas, comillas o saltos de línea</translation>
    </message>
    <message>
        <source>{0}: {1} is {2}; coordinates must be finite numbers</source>
        <translation>{0}: {1} es {2}; las coordenadas deben ser números finitos</translation>
    </message>
    <message>
        <source>{0}: {1} = {2} is too large; coordinates must lie within ±{3}</source>
        <translation>{0}: {1} = {2} es demasiado grande; las coordenadas deben estar dentro de ±{3}</translation>
    </message>
    <message>
        <source>{0}: label {1} is not an integer class index</source>
        <translation>{0}: la etiqueta {1} no es un índice de clase entero</translation>
    </message>
    <message>
        <source>{0}: label {1} is negative; class indices start at 0</source>
        <translation>{0}: la etiqueta {1} es negativa; los índices de clase empiezan en 0</translation>
    </message>
    <message>
        <source>{0}: label {1} is out of range: more than 10 classes (labels 0..{2})</source>
        <translation>{0}: la etiqueta {1} está fuera de rango: más de 10 clases (etiquetas 0..{2})</translation>
    </message>
    <message>
        <source>{0}: label {1} is out of range: {2} classes are named (labels 0..{3})</source>
        <translation>{0}: la etiqueta {1} está fuera de rango: hay {2} clases con nombre (etiquetas 0..{3})</translation>
    </message>
    <message>
        <source>'points' must be a list of [x, y, label]</source>
        <translation>'points' debe ser una lista de [x, y, etiqueta]</translation>
    </message>
    <message>
        <source>{0}: too many points ({1}): the limit is {2}</source>
        <translation>{0}: demasiados puntos ({1}): el límite es {2}</translation>
    </message>
    <message>
        <source>'class_names' must be a list of names</source>
        <translation>'class_names' debe ser una lista de nombres</translation>
    </message>
    <message>
        <source>lists and objects nested too deep (at most {0})</source>
        <translation>listas y objetos anidados a demasiada profundidad (como máximo {0})</translation>
    </message>
    <message>
        <source>not a linviz points file: expected an object with "format": "{0}"</source>
        <translation>no es un archivo de puntos de linviz: se esperaba un objeto con "format": "{0}"</translation>
    </message>
    <message>
        <source>'version' must be a positive integer, not {0}</source>
        <translation>'version' debe ser un entero positivo, no {0}</translation>
    </message>
    <message>
        <source>file version {0} was written by a newer linviz; this one reads version {1}</source>
        <translation>la versión {0} del archivo la escribió un linviz más reciente; este lee la versión {1}</translation>
    </message>
    <message>
        <source>{0}: wrong number of columns ({1}); each point is [x, y, label]</source>
        <translation>{0}: número de columnas incorrecto ({1}); cada punto es [x, y, etiqueta]</translation>
    </message>
    <message>
        <source>{0}: text where a number belongs: {1} = {2}</source>
        <translation>{0}: texto donde va un número: {1} = {2}</translation>
    </message>
    <message>
        <source>{0}: unsupported file type {1}; use .csv or .json</source>
        <translation>{0}: tipo de archivo no admitido {1}; use .csv o .json</translation>
    </message>
    <message>
        <source>{0}: line {1}: not UTF-8 text (byte 0x{2})</source>
        <translation>{0}: línea {1}: no es texto UTF-8 (byte 0x{2})</translation>
    </message>
    <message>
        <source>{0} classes: a dataset needs {1} to {2} classes</source>
        <translation>{0} clases: un conjunto de datos necesita de {1} a {2} clases</translation>
    </message>
    <message>
        <source>class {0}: a class name must be non-empty text, not {1}</source>
        <translation>clase {0}: el nombre de una clase debe ser un texto no vacío, no {1}</translation>
    </message>
    <message>
        <source>class {0}: name {1} may not start/end with spaces or contain , " or a newline</source>
        <translation>clase {0}: el nombre {1} no puede empezar ni terminar con espacios ni contener , " o saltos de línea</translation>
    </message>
    <message>
        <source>class name {0} is used twice; class names must be unique</source>
        <translation>el nombre de clase {0} se usa dos veces; los nombres de clase deben ser únicos</translation>
    </message>
    <message>
        <source>W0 and b0 go together: give both or neither</source>
        <translation>W0 y b0 van juntos: indique ambos o ninguno</translation>
    </message>
    <message>
        <source>W0/b0 must be numbers: {0}</source>
        <translation>W0/b0 deben ser números: {0}</translation>
    </message>
    <message>
        <source>W0 must be ({0}, 2) and b0 ({0},), not {1} and {2}</source>
        <translation>W0 debe ser ({0}, 2) y b0 ({0},), no {1} y {2}</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>verdadero/falso</translation>
    </message>
    <message>
        <source>text {0}</source>
        <translation>el texto {0}</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>cannot save a value that is not a finite number: {0}</source>
        <translation>no se puede guardar un valor que no es un número finito: {0}</translation>
    </message>
    <message>
        <source>not a linviz lesson: expected an object with "format": "{0}"</source>
        <translation>no es una lección de linviz: se esperaba un objeto con "format": "{0}"</translation>
    </message>
    <message>
        <source>not a linviz lesson: "format" is {0}, expected "{1}"</source>
        <translation>no es una lección de linviz: "format" es {0}, se esperaba "{1}"</translation>
    </message>
    <message>
        <source>not a linviz lesson: "format" is {0}, expected "{1}" (this is a points file: use File → Open points…)</source>
        <translation>no es una lección de linviz: "format" es {0}, se esperaba "{1}" (es un archivo de puntos: use Archivo → Abrir puntos…)</translation>
    </message>
    <message>
        <source>version: must be a positive whole number, not {0}</source>
        <translation>version: debe ser un número entero positivo, no {0}</translation>
    </message>
    <message>
        <source>version {0}: this lesson was saved by a newer linviz; this one reads lesson files up to version {1}. Update linviz to open it.</source>
        <translation>versión {0}: esta lección la guardó un linviz más reciente; este lee lecciones hasta la versión {1}. Actualice linviz para abrirla.</translation>
    </message>
    <message>
        <source>{0}: unknown entry in a version {1} lesson</source>
        <translation>{0}: entrada desconocida en una lección de versión {1}</translation>
    </message>
    <message>
        <source>{0}: unknown entry</source>
        <translation>{0}: entrada desconocida</translation>
    </message>
    <message>
        <source>{0}: missing</source>
        <translation>{0}: falta</translation>
    </message>
    <message>
        <source>dataset: must be an object (a linviz-points document), not {0}</source>
        <translation>dataset: debe ser un objeto (un documento linviz-points), no {0}</translation>
    </message>
    <message>
        <source>current_run: must be null or a run index from 0 to {0}, not {1}</source>
        <translation>current_run: debe ser null o un índice de ejecución de 0 a {0}, no {1}</translation>
    </message>
    <message>
        <source>branches: must be a list of run indices, not {0}</source>
        <translation>branches: debe ser una lista de índices de ejecución, no {0}</translation>
    </message>
    <message>
        <source>selected: must be a list of point indices, not {0}</source>
        <translation>selected: debe ser una lista de índices de puntos, no {0}</translation>
    </message>
    <message>
        <source>autosave_of: must be a file name or null, not {0}</source>
        <translation>autosave_of: debe ser un nombre de archivo o null, no {0}</translation>
    </message>
    <message>
        <source>{0}: {1} is out of range ({2} to {3})</source>
        <translation>{0}: {1} está fuera de rango ({2} a {3})</translation>
    </message>
    <message>
        <source>runs: must be a list, not {0}</source>
        <translation>runs: debe ser una lista, no {0}</translation>
    </message>
    <message>
        <source>runs: {0} runs; the limit is {1}</source>
        <translation>runs: {0} ejecuciones; el límite es {1}</translation>
    </message>
    <message>
        <source>{0}: must be an object, not {1}</source>
        <translation>{0}: debe ser un objeto, no {1}</translation>
    </message>
    <message>
        <source>{0}: {1} is not one of {2}</source>
        <translation>{0}: {1} no es uno de {2}</translation>
    </message>
    <message>
        <source>{0}: must be a finite number or null, not {1}</source>
        <translation>{0}: debe ser un número finito o null, no {1}</translation>
    </message>
    <message>
        <source>{0}: a run without a parent has no branch step</source>
        <translation>{0}: una ejecución sin padre no tiene paso de ramificación</translation>
    </message>
    <message>
        <source>{0}: a first run has at least one step</source>
        <translation>{0}: una primera ejecución tiene al menos un paso</translation>
    </message>
    <message>
        <source>{0}: must be the index of an earlier run (0 to {1}), not {2}</source>
        <translation>{0}: debe ser el índice de una ejecución anterior (0 a {1}), no {2}</translation>
    </message>
    <message>
        <source>{0}: a branch must keep its parent's feature size</source>
        <translation>{0}: una rama debe conservar el número de características de su padre</translation>
    </message>
    <message>
        <source>{0}: {1} steps cannot hold a branch at step {2}</source>
        <translation>{0}: {1} pasos no pueden contener una rama en el paso {2}</translation>
    </message>
    <message>
        <source>{0}: must be a list of numbers ({1}), not {2}</source>
        <translation>{0}: debe ser una lista de números ({1}), no {2}</translation>
    </message>
    <message>
        <source>{0}: must hold only numbers ({1})</source>
        <translation>{0}: debe contener solo números ({1})</translation>
    </message>
    <message>
        <source>{0}: must be {1} numbers</source>
        <translation>{0}: deben ser {1} números</translation>
    </message>
    <message>
        <source>{0}: must be {1} numbers, not {2}</source>
        <translation>{0}: deben ser {1} números, no {2}</translation>
    </message>
    <message>
        <source>{0}: must be an object of settings, not {1}</source>
        <translation>{0}: debe ser un objeto de ajustes, no {1}</translation>
    </message>
    <message>
        <source>{0}: unknown setting</source>
        <translation>{0}: ajuste desconocido</translation>
    </message>
    <message>
        <source>{0}: must be true or false, not {1}</source>
        <translation>{0}: debe ser true o false, no {1}</translation>
    </message>
    <message>
        <source>{0}: must be a whole number, not {1}</source>
        <translation>{0}: debe ser un número entero, no {1}</translation>
    </message>
    <message>
        <source>{0}: must be a finite number, not {1}</source>
        <translation>{0}: debe ser un número finito, no {1}</translation>
    </message>
    <message>
        <source>{0}: must be a number, not {1}</source>
        <translation>{0}: debe ser un número, no {1}</translation>
    </message>
    <message>
        <source>{0}: must be text, not {1}</source>
        <translation>{0}: debe ser texto, no {1}</translation>
    </message>
    <message>
        <source>{0}: cannot read the file ({1})</source>
        <translation>{0}: no se puede leer el archivo ({1})</translation>
    </message>
    <message>
        <source>{0}: the file is empty or truncated (the pickle ends early)</source>
        <translation>{0}: el archivo está vacío o truncado (el pickle termina antes de tiempo)</translation>
    </message>
    <message>
        <source>{0}: not a valid CIFAR-10 pickle ({1})</source>
        <translation>{0}: no es un pickle válido de CIFAR-10 ({1})</translation>
    </message>
    <message>
        <source>{0}: expected a dict of batch data, found a {1}</source>
        <translation>{0}: se esperaba un dict con los datos del lote y se encontró un {1}</translation>
    </message>
    <message>
        <source>{0}: missing key(s) {1}</source>
        <translation>{0}: faltan las claves {1}</translation>
    </message>
    <message>
        <source>{0}: b'data' must be a uint8 array of shape (n, {1}); found a {2}</source>
        <translation>{0}: b'data' debe ser un arreglo uint8 de forma (n, {1}); se encontró un {2}</translation>
    </message>
    <message>
        <source>{0}: the batch holds no images</source>
        <translation>{0}: el lote no contiene imágenes</translation>
    </message>
    <message>
        <source>{0}: b'labels' must be a list of integers</source>
        <translation>{0}: b'labels' debe ser una lista de enteros</translation>
    </message>
    <message>
        <source>{0}: {1} labels for {2} images</source>
        <translation>{0}: {1} etiquetas para {2} imágenes</translation>
    </message>
    <message>
        <source>{0}: label {1} is out of range 0..{2}</source>
        <translation>{0}: la etiqueta {1} está fuera del rango 0..{2}</translation>
    </message>
    <message>
        <source>{0}: expected a dict with b'label_names', a list of 2 to 255 class names</source>
        <translation>{0}: se esperaba un dict con b'label_names', una lista de 2 a 255 nombres de clase</translation>
    </message>
    <message>
        <source>{0}: a class name is not valid text ({1})</source>
        <translation>{0}: un nombre de clase no es un texto válido ({1})</translation>
    </message>
    <message>
        <source>{0}: no training batch (data_batch_1 … data_batch_5) in this folder</source>
        <translation>{0}: no hay ningún lote de entrenamiento (data_batch_1 … data_batch_5) en esta carpeta</translation>
    </message>
    <message>
        <source>{0}: file not found (the test batch is required)</source>
        <translation>{0}: no se encontró el archivo (el lote de prueba es obligatorio)</translation>
    </message>
    <message>
        <source>{0}: the archive does not hold {1}; it was deleted</source>
        <translation>{0}: el archivo comprimido no contiene {1}; se eliminó</translation>
    </message>
    <message>
        <source>{0}: cannot unpack the archive, it is damaged and was deleted ({1})</source>
        <translation>{0}: no se puede descomprimir, el archivo está dañado y se eliminó ({1})</translation>
    </message>
    <message>
        <source>{0}: cannot unpack {1} there ({2})</source>
        <translation>{0}: no se puede descomprimir {1} ahí ({2})</translation>
    </message>
    <message>
        <source>{0}: is a folder, not a file</source>
        <translation>{0}: es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>{0}: cannot read file: {1}</source>
        <translation>{0}: no se puede leer el archivo: {1}</translation>
    </message>
    <message>
        <source>{0}: not a regular file (a pipe, device or folder); linviz reads only files</source>
        <translation>{0}: no es un archivo común (una tubería, un dispositivo o una carpeta); linviz solo lee archivos</translation>
    </message>
    <message>
        <source>{0}: file too large (over {1} MiB)</source>
        <translation>{0}: archivo demasiado grande (más de {1} MiB)</translation>
    </message>
    <message>
        <source>line {0}: lists and objects nested {1} deep; a linviz file nests at most {2} deep</source>
        <translation>línea {0}: listas y objetos anidados {1} niveles; un archivo de linviz anida como mucho {2} niveles</translation>
    </message>
    <message>
        <source>line {0}: {1} characters long; a line holds at most {2} (x, y, label)</source>
        <translation>línea {0}: {1} caracteres de largo; una línea tiene como mucho {2} (x, y, etiqueta)</translation>
    </message>
    <message>
        <source>{0}: {1} steps on {2} points × {3} classes × {4} features is {5} units of work; the limit is {6}</source>
        <translation>{0}: {1} pasos sobre {2} puntos × {3} clases × {4} características son {5} unidades de trabajo; el límite es {6}</translation>
    </message>
    <message>
        <source>runs: re-running them is {0} units of work (length × points × classes × features); the limit is {1}</source>
        <translation>runs: volver a ejecutarlas son {0} unidades de trabajo (largo × puntos × clases × características); el límite es {1}</translation>
    </message>
    <message>
        <source>{0}: the runs ask for more recorded steps than linviz can hold (at most {1} steps in all)</source>
        <translation>{0}: las corridas piden más pasos grabados de los que linviz puede guardar (como mucho {1} pasos en total)</translation>
    </message>
    <message>
        <source>unknown model {0}; choose one of {1}</source>
        <translation>modelo desconocido {0}; elegir uno de {1}</translation>
    </message>
    <message>
        <source>unknown initialisation {0}; choose one of {1}</source>
        <translation>inicialización desconocida {0}; elegir una de {1}</translation>
    </message>
    <message>
        <source>unknown distance {0}; choose one of {1}</source>
        <translation>distancia desconocida {0}; elegir una de {1}</translation>
    </message>
    <message>
        <source>k must be at least 1, not {0}</source>
        <translation>k debe ser al menos 1, no {0}</translation>
    </message>
    <message>
        <source>must be ≥ 0, not {0}</source>
        <translation>debe ser ≥ 0, no {0}</translation>
    </message>
    <message>
        <source>the held-out share must be in [0, 1), not {0}</source>
        <translation>la parte de prueba debe estar en [0, 1), no {0}</translation>
    </message>
    <message>
        <source>k must be an integer ≥ 1; got {0}</source>
        <translation>k debe ser un entero ≥ 1; se obtuvo {0}</translation>
    </message>
    <message>
        <source>metric must be one of {0}; got {1}</source>
        <translation>la distancia debe ser una de {0}; se obtuvo {1}</translation>
    </message>
</context>
<context>
    <name>OptimizerArrows</name>
    <message>
        <source>−α∇L: the gradient step</source>
        <translation>−α∇L: el paso del gradiente</translation>
    </message>
    <message>
        <source>v: velocity (memory)</source>
        <translation>v: velocidad (memoria)</translation>
    </message>
    <message>
        <source>−α m̂: first moment</source>
        <translation>−α m̂: primer momento</translation>
    </message>
    <message>
        <source>effective step (per-parameter rate)</source>
        <translation>paso efectivo (tasa por parámetro)</translation>
    </message>
    <message>
        <source>arrows ×{0} (step {1})</source>
        <translation>flechas ×{0} (paso {1})</translation>
    </message>
</context>
<context>
    <name>ParamsTable</name>
    <message>
        <source>class {0}</source>
        <translation>clase {0}</translation>
    </message>
    <message>
        <source>b: the bias of each class (s = W·x + b)</source>
        <translation>b: el sesgo de cada clase (s = W·x + b)</translation>
    </message>
    <message>
        <source>{0}: the weight of feature {0} in each class's score</source>
        <translation>{0}: el peso de la característica {0} en el puntaje de cada clase</translation>
    </message>
    <message>
        <source>x̃ (point #{0})</source>
        <translation>x̃ (punto #{0})</translation>
    </message>
    <message>
        <source>x̃ = (x, 1): the point's features with a 1 appended, so that s = [W | b]·x̃ = W·x + b (pick a point with Shift+click)</source>
        <translation>x̃ = (x, 1): las características del punto con un 1 agregado, así s = [W | b]·x̃ = W·x + b (elija un punto con Mayús+clic)</translation>
    </message>
    <message>
        <source>row w of class {0}: its score is s = w·x + b</source>
        <translation>fila w de la clase {0}: su puntaje es s = w·x + b</translation>
    </message>
    <message>
        <source>the next step changes it by {0}</source>
        <translation>el próximo paso lo cambia en {0}</translation>
    </message>
    <message>
        <source>a plain gradient step would change it by −lr·∂L = {0}</source>
        <translation>un paso de gradiente simple lo cambiaría en −lr·∂L = {0}</translation>
    </message>
    <message>
        <source>Type a number to change it (training continues from there); ± 0.1 with the buttons.</source>
        <translation>Escribir un número para cambiarlo (el entrenamiento sigue desde ahí); ± 0.1 con los botones.</translation>
    </message>
    <message>
        <source>kNN has no weights: it keeps the training points and lets the k nearest vote.</source>
        <translation>kNN no tiene pesos: guarda los puntos de entrenamiento y deja votar a los k más cercanos.</translation>
    </message>
    <message>
        <source>Gradient ∂L/∂W, ∂L/∂b — each step moves W &lt;i&gt;against&lt;/i&gt; it</source>
        <translation>Gradiente ∂L/∂W, ∂L/∂b — cada paso mueve W &lt;i&gt;en contra&lt;/i&gt; de él</translation>
    </message>
    <message>
        <source>Subtract {0} from the selected W or b (Ctrl+↓)</source>
        <translation>Restar {0} al W o b seleccionado (Ctrl+↓)</translation>
    </message>
    <message>
        <source>Add {0} to the selected W or b (Ctrl+↑)</source>
        <translation>Sumar {0} al W o b seleccionado (Ctrl+↑)</translation>
    </message>
    <message>
        <source>Select a cell of W or b first.</source>
        <translation>Primero hay que seleccionar una celda de W o b.</translation>
    </message>
    <message>
        <source>“{0}” is not a number; the value stays as it was.</source>
        <translation>“{0}” no es un número; el valor queda como estaba.</translation>
    </message>
    <message>
        <source>Multiply all of W and b by 2: is W unique? A W that gives every point its margin has data loss 0, and so does 2W</source>
        <translation>Multiplica todo W y b por 2: ¿W es único? Un W que da a cada punto su margen tiene costo de datos 0, y 2W también</translation>
    </message>
    <message>
        <source>Divide all of W and b by 2</source>
        <translation>Divide todo W y b por 2</translation>
    </message>
    <message>
        <source>The bias trick: b as the last column of W and a 1 appended to x, so s = [W | b]·(x, 1)</source>
        <translation>El truco del sesgo: b como última columna de W y un 1 agregado a x, así s = [W | b]·(x, 1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;s = [W | b]·x̃&lt;/b&gt;, x̃ = (x, 1) &amp;nbsp; at step &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>&lt;b&gt;s = [W | b]·x̃&lt;/b&gt;, x̃ = (x, 1) &amp;nbsp; en el paso &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;s = W·x + b&lt;/b&gt; &amp;nbsp; at step &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>&lt;b&gt;s = W·x + b&lt;/b&gt; &amp;nbsp; en el paso &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>Pen</name>
    <message>
        <source>Pen: draw over the window</source>
        <translation>Lápiz: dibujar sobre la ventana</translation>
    </message>
    <message>
        <source>Laser pointer</source>
        <translation>Puntero láser</translation>
    </message>
    <message>
        <source>Clear the drawing</source>
        <translation>Borrar el dibujo</translation>
    </message>
</context>
<context>
    <name>PlaneLegend</name>
    <message>
        <source>&lt;p&gt;Click (or press {0} on the plane): new points are &lt;b&gt;{1}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Clic (o {0} sobre el plano): los puntos nuevos son &lt;b&gt;{1}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PlaneOverlays</name>
    <message>
        <source>in this step's mini-batch</source>
        <translation>en el mini-lote de este paso</translation>
    </message>
    <message>
        <source>max(0, s&lt;sub&gt;j&lt;/sub&gt; − s&lt;sub&gt;y&lt;/sub&gt; + Δ) &amp;gt; 0 (dot in j's colour)</source>
        <translation>max(0, s&lt;sub&gt;j&lt;/sub&gt; − s&lt;sub&gt;y&lt;/sub&gt; + Δ) &amp;gt; 0 (punto del color de j)</translation>
    </message>
    <message>
        <source>hinge term of class j &amp;gt; 0 (dot in j's colour)</source>
        <translation>término bisagra de la clase j &amp;gt; 0 (punto del color de j)</translation>
    </message>
    <message>
        <source>Gradient arrows</source>
        <translation>Flechas del gradiente</translation>
    </message>
    <message>
        <source>Draw −∂L/∂w_j from the tip of each w_j and −∂L/∂b_j across each class line.</source>
        <translation>Dibujar −∂L/∂w_j desde la punta de cada w_j y −∂L/∂b_j a través de cada recta de clase.</translation>
    </message>
    <message>
        <source>Mini-batch points</source>
        <translation>Puntos del mini-lote</translation>
    </message>
    <message>
        <source>Outline the points the update from this step draws (hidden for the full batch).</source>
        <translation>Remarcar los puntos que sortea la actualización de este paso (oculto con el lote completo).</translation>
    </message>
    <message>
        <source>Active margin terms</source>
        <translation>Términos de margen activos</translation>
    </message>
    <message>
        <source>SVM: a dot in class j's colour beside each point whose hinge term for class j is &gt; 0.</source>
        <translation>SVM: un punto del color de la clase j junto a cada punto cuyo término bisagra para la clase j es &gt; 0.</translation>
    </message>
</context>
<context>
    <name>PlaneView</name>
    <message>
        <source>L&lt;sub&gt;i&lt;/sub&gt; &amp;gt; 0: still pushes W</source>
        <translation>L&lt;sub&gt;i&lt;/sub&gt; &amp;gt; 0: todavía empuja a W</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>empate</translation>
    </message>
    <message>
        <source>Brush: paint a cloud of points</source>
        <translation>Pincel: pintar una nube de puntos</translation>
    </message>
    <message>
        <source>Drag to paint points of the current class; the wheel sets the brush's size, Shift+wheel how many points it drops.</source>
        <translation>Arrastre para pintar puntos de la clase actual; la rueda fija el tamaño del pincel, Mayús+rueda cuántos puntos deja.</translation>
    </message>
</context>
<context>
    <name>Playback</name>
    <message>
        <source>First</source>
        <translation>Primero</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Último</translation>
    </message>
    <message>
        <source> steps/s</source>
        <translation> pasos/s</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>kNN does not train: nothing to play.</source>
        <translation>kNN no entrena: no hay nada para reproducir.</translation>
    </message>
    <message>
        <source>k-nearest neighbours has no W and no gradient steps: the regions change at once
when you change k, the distance or the points.</source>
        <translation>k vecinos más cercanos no tiene W ni pasos de gradiente: las regiones cambian enseguida
al cambiar k, la distancia o los puntos.</translation>
    </message>
    <message>
        <source>loss = 1/N Σ Li + λ R(W) on all N points at the current step;
accuracy = the share of points whose highest score is their own class.</source>
        <translation>pérdida = 1/N Σ Li + λ R(W) sobre los N puntos en el paso actual;
exactitud = la fracción de puntos cuyo mayor puntaje es el de su propia clase.</translation>
    </message>
    <message>
        <source>step {0} / {1} · loss {2} = data {3} + reg {4} · accuracy {5}</source>
        <translation>paso {0} / {1} · pérdida {2} = datos {3} + reg {4} · exactitud {5}</translation>
    </message>
    <message>
        <source>held out: accuracy {0} · loss {1}</source>
        <translation>prueba: exactitud {0} · pérdida {1}</translation>
    </message>
    <message>
        <source>converged: gradient ≈ 0 (‖∇‖ = {0})</source>
        <translation>convergió: gradiente ≈ 0 (‖∇‖ = {0})</translation>
    </message>
    <message>
        <source>stopped: change below tol (relative change {0}, ‖∇‖ = {1})</source>
        <translation>detenido: cambio menor que tol (cambio relativo {0}, ‖∇‖ = {1})</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergió</translation>
    </message>
    <message>
        <source>First step (Home)</source>
        <translation>Primer paso (Inicio)</translation>
    </message>
    <message>
        <source>One step back (←)</source>
        <translation>Un paso atrás (←)</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>Reproducir / pausa (Espacio)</translation>
    </message>
    <message>
        <source>One step forward (→); at the end it trains one more step</source>
        <translation>Un paso adelante (→); al final entrena un paso más</translation>
    </message>
    <message>
        <source>Last recorded step (End)</source>
        <translation>Último paso registrado (Fin)</translation>
    </message>
    <message>
        <source>Drag to any recorded step: step t shows W after t gradient updates.</source>
        <translation>Arrastrar hasta cualquier paso registrado: el paso t muestra W después de t actualizaciones del gradiente.</translation>
    </message>
    <message>
        <source>Playback speed, in gradient steps per second (1 … 240).</source>
        <translation>Velocidad de reproducción, en pasos de gradiente por segundo (1 … 240).</translation>
    </message>
    <message>
        <source>Train until converged</source>
        <translation>Entrenar hasta converger</translation>
    </message>
    <message>
        <source>Keep training until the gradient is ≈ 0, ‖∇loss‖ ≤ tol (converged), or the loss
stops changing, |loss_(t+1) − loss_t| &lt; tol · α · loss_t (at most {0} steps),
and show the last step.</source>
        <translation>Seguir entrenando hasta que el gradiente sea ≈ 0, ‖∇pérdida‖ ≤ tol (convergió), o la pérdida
deje de cambiar, |pérdida_(t+1) − pérdida_t| &lt; tol · α · pérdida_t (como máximo {0} pasos),
y mostrar el último paso.</translation>
    </message>
    <message>
        <source>tol: training stops when ‖∇loss‖ ≤ tol or |loss_(t+1) − loss_t| &lt; tol · α · loss_t (arrows: ×10 or ÷10).</source>
        <translation>tol: el entrenamiento se detiene cuando ‖∇pérdida‖ ≤ tol o |pérdida_(t+1) − pérdida_t| &lt; tol · α · pérdida_t (flechas: ×10 o ÷10).</translation>
    </message>
    <message>
        <source>Stopped after {0} steps: the loss still changes (relative change {2} &gt; tol = {1}) and the gradient is not ≈ 0 (‖∇‖ = {3}). Try a smaller learning rate or a larger tol.</source>
        <translation>Detenido tras {0} pasos: la pérdida aún cambia (cambio relativo {2} &gt; tol = {1}) y el gradiente no es ≈ 0 (‖∇‖ = {3}). probar una tasa de aprendizaje menor o un tol mayor.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Retrain from step 0 with the initial W and go to step 0.</source>
        <translation>Volver a entrenar desde el paso 0 con el W inicial e ir al paso 0.</translation>
    </message>
    <message>
        <source>Randomise W</source>
        <translation>W aleatorio</translation>
    </message>
    <message>
        <source>A new random starting W (new seed) and retrain from it.</source>
        <translation>Un nuevo W inicial aleatorio (semilla nueva) y volver a entrenar desde ahí.</translation>
    </message>
    <message>
        <source>Nothing to play: no training run.</source>
        <translation>No hay nada para reproducir: no hay corrida de entrenamiento.</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Click</source>
        <translation>Clic</translation>
    </message>
    <message>
        <source>add a point of the current class</source>
        <translation>agregar un punto de la clase actual</translation>
    </message>
    <message>
        <source>Drag a point</source>
        <translation>Arrastrar un punto</translation>
    </message>
    <message>
        <source>move it (training follows)</source>
        <translation>moverlo (el entrenamiento lo sigue)</translation>
    </message>
    <message>
        <source>Right-click a point</source>
        <translation>Clic derecho en un punto</translation>
    </message>
    <message>
        <source>delete it</source>
        <translation>borrarlo</translation>
    </message>
    <message>
        <source>Shift+click a point</source>
        <translation>Mayús+clic en un punto</translation>
    </message>
    <message>
        <source>select it for the score table</source>
        <translation>seleccionarlo para la tabla de puntajes</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supr</translation>
    </message>
    <message>
        <source>delete the selected points</source>
        <translation>borrar los puntos seleccionados</translation>
    </message>
    <message>
        <source>class of new points</source>
        <translation>clase de los puntos nuevos</translation>
    </message>
    <message>
        <source>fit the view to the points</source>
        <translation>ajustar la vista a los puntos</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>Rueda</translation>
    </message>
    <message>
        <source>zoom · middle-drag: pan</source>
        <translation>zoom · arrastrar con el botón del medio: desplazar</translation>
    </message>
    <message>
        <source>hide the kNN inspector</source>
        <translation>ocultar el inspector de kNN</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>The plane</source>
        <translation>El plano</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Any key or click closes this sheet.</source>
        <translation>Cualquier tecla o clic cierra esta hoja.</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>Salir de pantalla completa</translation>
    </message>
    <message>
        <source>Presentation layout</source>
        <translation>Disposición para presentar</translation>
    </message>
    <message>
        <source>Score table</source>
        <translation>Tabla de puntajes</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>Restablecer disposición</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Tamaño de letra</translation>
    </message>
    <message>
        <source>Bigger</source>
        <translation>Más grande</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Más chica</translation>
    </message>
    <message>
        <source>Default ({0} pt)</source>
        <translation>Predeterminado ({0} pt)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark (for a dark room)</source>
        <translation>Oscuro (para un aula oscura)</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>The nine points and starting W, b of Stanford CS231n's linear-classify demo (3 classes).</source>
        <translation>Los nueve puntos y el W, b iniciales de la demo de clasificación lineal de CS231n de Stanford (3 clases).</translation>
    </message>
    <message>
        <source>Gaussian blobs on a circle of radius 2; noise is their spread (2-10 classes).</source>
        <translation>Nubes gaussianas sobre un círculo de radio 2; el ruido es su dispersión (2-10 clases).</translation>
    </message>
    <message>
        <source>Tight clusters that a linear classifier can separate perfectly (2-10 classes).</source>
        <translation>Grupos compactos que un clasificador lineal puede separar perfectamente (2-10 clases).</translation>
    </message>
    <message>
        <source>Two interleaving half circles (2 classes): no straight line separates them.</source>
        <translation>Dos medias lunas entrelazadas (2 clases): ninguna recta las separa.</translation>
    </message>
    <message>
        <source>A ring around a disc (2 classes): no straight line separates them.</source>
        <translation>Un anillo alrededor de un disco (2 clases): ninguna recta los separa.</translation>
    </message>
    <message>
        <source>Four quadrant clusters, opposite quadrants alike (2 classes, the XOR pattern).</source>
        <translation>Cuatro grupos en los cuadrantes, los opuestos iguales (2 clases, el patrón XOR).</translation>
    </message>
    <message>
        <source>CS231n's spiral: one arm per class (2-10 classes).</source>
        <translation>La espiral de CS231n: un brazo por clase (2-10 clases).</translation>
    </message>
    <message>
        <source>Fisher's Iris flowers, 150 real measurements in cm (3 species; petal length and width).</source>
        <translation>Las flores Iris de Fisher, 150 mediciones reales en cm (3 especies; largo y ancho del pétalo).</translation>
    </message>
    <message>
        <source>blobs</source>
        <translation>nubes</translation>
    </message>
    <message>
        <source>separable</source>
        <translation>separable</translation>
    </message>
    <message>
        <source>moons</source>
        <translation>lunas</translation>
    </message>
    <message>
        <source>circles</source>
        <translation>círculos</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>espiral</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Unidad</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Seleccionar todo</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Aumentar</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Disminuir</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Elegir</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Nueva carpeta</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renombrar</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Cambiar a la vista de detalles</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Cambiar a la vista de lista</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Crear una carpeta nueva</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Crear una carpeta nueva</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Vista de detalles</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Carpetas</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nombre del archivo:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Tipo de archivo:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Ir atrás</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Ir adelante</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Ir a la carpeta de arriba</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Vista de lista</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Lista de lugares y marcadores</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Buscar carpeta</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Carpeta de arriba</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Mostrar archivos &amp;ocultos</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Barra lateral</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Nueva carpeta</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 ya existe.
¿Reemplazarlo?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
No se encontró el archivo.
Verificar que el nombre del archivo sea correcto.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
No se encontró la carpeta.
Verificar que el nombre de la carpeta sea correcto.</translation>
    </message>
    <message>
        <source>Are you sure you want to delete '%1'?</source>
        <translation>¿Seguro que se quiere borrar '%1'?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>No se pudo borrar la carpeta.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Fecha de modificación</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Equipo</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Seleccionar todo</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Mostrar detalles...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ocultar detalles...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Guardar todo</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Sí</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Sí a &amp;todo</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;o a todo</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Interrumpir</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Restaurar valores predeterminados</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Mayús</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Supr</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Arriba</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Abajo</translation>
    </message>
</context>
<context>
    <name>RegGeometry</name>
    <message>
        <source>L1  Σ|w|  (diamond)</source>
        <translation>L1  Σ|w|  (rombo)</translation>
    </message>
    <message>
        <source>L2  Σw²  (circle)</source>
        <translation>L2  Σw²  (círculo)</translation>
    </message>
    <message>
        <source>elastic net  Σβw² + |w|</source>
        <translation>red elástica  Σβw² + |w|</translation>
    </message>
    <message>
        <source>elastic net</source>
        <translation>red elástica</translation>
    </message>
    <message>
        <source>data-loss contours</source>
        <translation>curvas de nivel de la pérdida de datos</translation>
    </message>
    <message>
        <source>{0} penalty contours</source>
        <translation>curvas de nivel de la penalización {0}</translation>
    </message>
    <message>
        <source>min of data + λ·{0}</source>
        <translation>mín. de datos + λ·{0}</translation>
    </message>
    <message>
        <source>min of data loss alone</source>
        <translation>mín. de la pérdida de datos sola</translation>
    </message>
    <message>
        <source>The weight on the horizontal axis</source>
        <translation>El peso del eje horizontal</translation>
    </message>
    <message>
        <source>The weight on the vertical axis</source>
        <translation>El peso del eje vertical</translation>
    </message>
    <message>
        <source>Which penalty's contours to draw and add to the data loss (λ is the session's)</source>
        <translation>Qué penalización dibujar con curvas de nivel y sumar a la pérdida de datos (λ es el de la sesión)</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>Pesos:</translation>
    </message>
    <message>
        <source>Penalty:</source>
        <translation>R(W):</translation>
    </message>
    <message>
        <source>kNN has no parameters to descend: it keeps the points and lets the k nearest vote. Pick SVM or Softmax to see the geometry of regularisation.</source>
        <translation>kNN no tiene parámetros sobre los que descender: guarda los puntos y deja votar a los k más cercanos. Elegir SVM o Softmax para ver la geometría de la regularización.</translation>
    </message>
    <message>
        <source>The weights of this run reach {0}: the loss over them is too large to draw (training diverged). Try a smaller learning rate.</source>
        <translation>Los pesos de esta corrida llegan a {0}: la pérdida sobre ellos es demasiado grande para dibujarla (el entrenamiento divergió). Probar una tasa de aprendizaje menor.</translation>
    </message>
    <message>
        <source>λ = {0} (the session's); other weights and b held at the last step (t = {1}).</source>
        <translation>λ = {0} (el de la sesión); los demás pesos y b fijos en el último paso (t = {1}).</translation>
    </message>
    <message>
        <source>With λ = 0 the penalty does nothing: raise λ to see the optimum pulled towards 0.</source>
        <translation>Con λ = 0 la penalización no hace nada: subir λ para ver cómo el óptimo se acerca a 0.</translation>
    </message>
    <message>
        <source>{0} and {1}</source>
        <translation>{0} y {1}</translation>
    </message>
    <message>
        <source>{0}: {1} = 0 exactly — the bold contours touch at a corner of the {2} diamond, on an axis.</source>
        <translation>{0}: {1} = 0 exactamente — las curvas gruesas se tocan en una esquina del rombo {2}, sobre un eje.</translation>
    </message>
    <message>
        <source>{0}: {1} = 0 exactly — the bold contours touch at a corner of the {2} shape, on an axis.</source>
        <translation>{0}: {1} = 0 exactamente — las curvas gruesas se tocan en una esquina de la figura {2}, sobre un eje.</translation>
    </message>
    <message>
        <source>{0}: {1} = 0 here.</source>
        <translation>{0}: acá {1} = 0.</translation>
    </message>
    <message>
        <source>{0}: the bold contours touch; {1} shrinks both weights but keeps them non-zero.</source>
        <translation>{0}: las curvas gruesas se tocan; {1} achica ambos pesos pero los mantiene distintos de cero.</translation>
    </message>
    <message>
        <source>{0}: the bold contours touch; {1} shrinks both weights without zeroing either here.</source>
        <translation>{0}: las curvas gruesas se tocan; {1} achica ambos pesos sin anular ninguno acá.</translation>
    </message>
    <message>
        <source>The data loss alone is flat at its minimum over {0} grid cells; {1} is the one nearest the current weights.</source>
        <translation>La pérdida de datos sola es plana en su mínimo sobre {0} celdas de la grilla; {1} es la más cercana a los pesos actuales.</translation>
    </message>
    <message>
        <source>{0} is on the edge: the data loss alone keeps falling outwards.</source>
        <translation>{0} está en el borde: la pérdida de datos sola sigue bajando hacia afuera.</translation>
    </message>
</context>
<context>
    <name>ScoreTable</name>
    <message>
        <source>overflow</source>
        <translation>desborde</translation>
    </message>
    <message>
        <source>&lt;b&gt;Softmax&lt;/b&gt; (cross-entropy)</source>
        <translation>&lt;b&gt;Softmax&lt;/b&gt; (entropía cruzada)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Least squares&lt;/b&gt; (one-hot targets t)</source>
        <translation>&lt;b&gt;Mínimos cuadrados&lt;/b&gt; (objetivos one-hot t)</translation>
    </message>
    <message>
        <source>One-vs-all SVM</source>
        <translation>SVM uno contra todos</translation>
    </message>
    <message>
        <source>Structured SVM</source>
        <translation>SVM estructurada</translation>
    </message>
    <message>
        <source>Multiclass SVM</source>
        <translation>SVM multiclase</translation>
    </message>
    <message>
        <source>(tie)</source>
        <translation>(empate)</translation>
    </message>
    <message>
        <source>s_{0} = w_{0}·x + b_{0}{1} for point #{2} (true class {3})</source>
        <translation>s_{0} = w_{0}·x + b_{0}{1} para el punto n.º {2} (clase verdadera {3})</translation>
    </message>
    <message>
        <source>hinge term of class {0}{1}: how far s_{0} comes within Δ of s_{2}</source>
        <translation>término bisagra de la clase {0}{1}: cuánto se acerca s_{0} a menos de Δ de s_{2}</translation>
    </message>
    <message>
        <source>L_i{0}: the loss of point #{1}</source>
        <translation>L_i{0}: la pérdida del punto n.º {1}</translation>
    </message>
    <message>
        <source>e^s for class {0}{1}</source>
        <translation>e^s para la clase {0}{1}</translation>
    </message>
    <message>
        <source>1/N Σ_i L_i over all {0} training points{1}</source>
        <translation>1/N Σ_i L_i sobre los {0} puntos de entrenamiento{1}</translation>
    </message>
    <message>
        <source>data loss + λ R(W){0}</source>
        <translation>pérdida de datos + λ R(W){0}</translation>
    </message>
    <message>
        <source>how many of the k nearest neighbours of #{0} are of class {1}</source>
        <translation>cuántos de los k vecinos más cercanos de n.º {0} son de la clase {1}</translation>
    </message>
    <message>
        <source>the majority vote (a tie goes to the class of the nearest tied neighbour)</source>
        <translation>el voto mayoritario (un empate se lo lleva la clase del vecino empatado más cercano)</translation>
    </message>
    <message>
        <source>the k nearest training points, nearest first (a training point is its own nearest)</source>
        <translation>los k puntos de entrenamiento más cercanos, del más cercano al más lejano (un punto de entrenamiento es su propio vecino más cercano)</translation>
    </message>
    <message>
        <source>the true class takes no part in the sum (j ≠ y_i)</source>
        <translation>la clase verdadera no participa de la suma (j ≠ y_i)</translation>
    </message>
    <message>
        <source>point #{0} at ({1}, {2}), true class {3}</source>
        <translation>punto n.º {0} en ({1}, {2}), clase verdadera {3}</translation>
    </message>
    <message>
        <source>hinge{0} {1}</source>
        <translation>bisagra{0} {1}</translation>
    </message>
    <message>
        <source>total loss</source>
        <translation>pérdida total</translation>
    </message>
    <message>
        <source>votes {0}</source>
        <translation>votos {0}</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>predicha</translation>
    </message>
    <message>
        <source>k nearest</source>
        <translation>k más cercanos</translation>
    </message>
    <message>
        <source>&lt;b&gt;kNN&lt;/b&gt; (k = {0}, {1}): the k nearest training points vote</source>
        <translation>&lt;b&gt;kNN&lt;/b&gt; (k = {0}, {1}): votan los k puntos de entrenamiento más cercanos</translation>
    </message>
    <message>
        <source>kNN needs at least k = {0} points to vote.</source>
        <translation>kNN necesita al menos k = {0} puntos para votar.</translation>
    </message>
    <message>
        <source>No points yet: add some on the plane, then click points to show their scores here.</source>
        <translation>Todavía no hay puntos: agregar algunos en el plano y después hacer clic en puntos para ver acá sus puntajes.</translation>
    </message>
    <message>
        <source>step &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>paso &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>Share</name>
    <message>
        <source>Share as web page…</source>
        <translation>Compartir como página web…</translation>
    </message>
    <message>
        <source>One HTML file with the recorded run: the plane, the loss curve, the scores, a step slider and a play button. It opens offline in any browser.</source>
        <translation>Un archivo HTML con la corrida grabada: el plano, la curva de pérdida, los puntajes, un deslizador de pasos y un botón para reproducir. Se abre sin conexión en cualquier navegador.</translation>
    </message>
    <message>
        <source>Share as web page</source>
        <translation>Compartir como página web</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Página web (*.html)</translation>
    </message>
    <message>
        <source>Nothing to share: kNN records no training run.</source>
        <translation>Nada para compartir: kNN no graba ninguna corrida de entrenamiento.</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}.</source>
        <translation>No se pudo escribir {0}: {1}.</translation>
    </message>
    <message>
        <source>Saved the web page {0}</source>
        <translation>Se guardó la página web {0}</translation>
    </message>
</context>
<context>
    <name>Sweep</name>
    <message>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <source>held out</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>The sweep failed: {0}</source>
        <translation>El barrido falló: {0}</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>Plot the data loss at the last step instead of the accuracy.</source>
        <translation>Dibuja la pérdida de datos en el último paso en lugar de la exactitud.</translation>
    </message>
    <message>
        <source>Click to set λ (or k) to the nearest value swept.</source>
        <translation>Haz clic para poner λ (o k) en el valor barrido más cercano.</translation>
    </message>
    <message>
        <source>data loss</source>
        <translation>pérdida de datos</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>exactitud (%)</translation>
    </message>
    <message>
        <source>k (neighbours)</source>
        <translation>k (vecinos)</translation>
    </message>
    <message>
        <source>λ (log scale)</source>
        <translation>λ (escala logarítmica)</translation>
    </message>
    <message>
        <source>Needs at least two points of two classes.</source>
        <translation>Necesita al menos dos puntos de dos clases.</translation>
    </message>
    <message>
        <source>Training once per value… {0} of {1}</source>
        <translation>Entrenando una vez por valor… {0} de {1}</translation>
    </message>
    <message>
        <source>No points are held out (Data ▸ Hold out test points, key T): only the training points are measured.</source>
        <translation>No hay puntos reservados (Datos ▸ Reservar puntos de prueba, tecla T): solo se miden los puntos de entrenamiento.</translation>
    </message>
    <message>
        <source>best held out: λ = {0}</source>
        <translation>mejor en prueba: λ = {0}</translation>
    </message>
    <message>
        <source>best held out: k = {0}</source>
        <translation>mejor en prueba: k = {0}</translation>
    </message>
</context>
<context>
    <name>Takeaway</name>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>step {0} of {1} · loss {2} · accuracy {3} %</source>
        <translation>paso {0} de {1} · pérdida {2} · exactitud {3} %</translation>
    </message>
    <message>
        <source>step {0} · loss {1} · accuracy {2} %</source>
        <translation>paso {0} · pérdida {1} · exactitud {2} %</translation>
    </message>
    <message>
        <source>The plane: points and decision regions</source>
        <translation>El plano: puntos y regiones de decisión</translation>
    </message>
    <message>
        <source>Loss curve</source>
        <translation>Curva de pérdida</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Puntajes</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>The lecture's scenes</source>
        <translation>Las escenas de la clase</translation>
    </message>
    <message>
        <source>Scene {0} of {1}</source>
        <translation>Escena {0} de {1}</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Magnitud</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Medido</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modelo</translation>
    </message>
    <message>
        <source>steps recorded</source>
        <translation>pasos registrados</translation>
    </message>
    <message>
        <source>SVM</source>
        <translation>SVM</translation>
    </message>
    <message>
        <source>squared hinge</source>
        <translation>bisagra al cuadrado</translation>
    </message>
    <message>
        <source>regulariser</source>
        <translation>regularizador</translation>
    </message>
    <message>
        <source>learning rate α</source>
        <translation>tasa de aprendizaje α</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>lote</translation>
    </message>
    <message>
        <source>full</source>
        <translation>completo</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>optimizador</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>programa</translation>
    </message>
    <message>
        <source>features φ(x)</source>
        <translation>características φ(x)</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>semilla</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>model</source>
        <translation>modelo</translation>
    </message>
    <message>
        <source>initial W</source>
        <translation>W inicial</translation>
    </message>
    <message>
        <source>initial W scale</source>
        <translation>escala del W inicial</translation>
    </message>
    <message>
        <source>on-change behaviour</source>
        <translation>comportamiento al cambiar</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>distancia</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>tasa de aprendizaje</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>tamaño de lote</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>pasos</translation>
    </message>
    <message>
        <source>tolerance</source>
        <translation>tolerancia</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>semilla</translation>
    </message>
    <message>
        <source>regularisation</source>
        <translation>regularización</translation>
    </message>
    <message>
        <source>max norm</source>
        <translation>cota de norma máxima</translation>
    </message>
    <message>
        <source>bias regularisation</source>
        <translation>regularización del sesgo</translation>
    </message>
    <message>
        <source>SVM variant</source>
        <translation>variante de SVM</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>optimizador</translation>
    </message>
    <message>
        <source>learning-rate schedule</source>
        <translation>calendario de la tasa de aprendizaje</translation>
    </message>
    <message>
        <source>features</source>
        <translation>características</translation>
    </message>
    <message>
        <source>load {0}</source>
        <translation>cargar {0}</translation>
    </message>
    <message>
        <source>change number of classes</source>
        <translation>cambiar la cantidad de clases</translation>
    </message>
    <message>
        <source>rename class</source>
        <translation>renombrar clase</translation>
    </message>
    <message>
        <source>rename classes</source>
        <translation>renombrar clases</translation>
    </message>
    <message>
        <source>clear points</source>
        <translation>borrar los puntos</translation>
    </message>
    <message>
        <source>add point</source>
        <translation>agregar punto</translation>
    </message>
    <message>
        <source>add points</source>
        <translation>añadir puntos</translation>
    </message>
    <message>
        <source>remove point</source>
        <translation>quitar punto</translation>
    </message>
    <message>
        <source>remove points</source>
        <translation>quitar puntos</translation>
    </message>
    <message>
        <source>move point</source>
        <translation>mover punto</translation>
    </message>
    <message>
        <source>move points</source>
        <translation>mover puntos</translation>
    </message>
    <message>
        <source>edit points</source>
        <translation>editar puntos</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>cambiar la configuración</translation>
    </message>
    <message>
        <source>change {0}</source>
        <translation>cambiar {0}</translation>
    </message>
    <message>
        <source>edit W and b</source>
        <translation>editar W y b</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Undo {0}</source>
        <translation>Deshacer {0}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo {0}</source>
        <translation>Rehacer {0}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
</context>
<context>
    <name>Windows</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close this window (Esc, Ctrl+W)</source>
        <translation>Cerrar esta ventana (Esc, Ctrl+W)</translation>
    </message>
</context>
</TS>
