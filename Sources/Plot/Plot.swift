// Plot: terminal charts drawn into a Terminal.Buffer.
//
// Which chart for which demo:
//   LineChart      loss curves (yScale = .log10), train vs validation, activations; equalAspect
//                  for geometry (matrix-transform)
//   ScatterChart   classes with a colour and marker each (markers = .symbols), dense data
//                  (canvas = .density)
//   FunctionPlot   y = f(x), sampled adaptively, cut at poles
//   HeatMap        loss surfaces, decision boundaries (points laid over), attention
//   Histogram      automatic (Freedman–Diaconis, else Sturges) or fixed bins
//   BarChart       labelled horizontal bars with values
//   ArrowField     gradient fields and grid-world policies (8 directions)
//   MatrixView     confusion matrices, attention weights, k-fold masks
//
// Every chart is a value type conforming to Terminal's View: set properties, then
// `render(into: &buffer, area: rect)`. Pick glyphs with `mode = GlyphMode(backend.capabilities)`
// (.ascii switches to the ASCII canvas and ASCII decoration); HeatMap and MatrixView take
// `useColor = false` on monochrome terminals. Rendering is pure: same data and area, same cells.
//
// Layers, bottom to top: axes, ticks, labels and dotted zero lines; canvas cells that hold
// something; overlay glyphs (markers, ▲▼◀▶ for ±∞); legend. One colour per cell: on a canvas
// the last pixel written into a cell decides it, so a later series owns shared cells (braille
// dots of all series are OR-ed). See `Canvas`.
