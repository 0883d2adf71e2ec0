/** What Mermaid is told: its configuration and the theme CSS cjm adds. */

/**
 * In portable mode journey text is drawn as <text> with the section colour as
 * its fill: Mermaid 11 gives section titles the class section-type-N, whose CSS
 * fill is the section's own background (text invisible), and task text is
 * white on the neutral theme's near-white boxes. Dark text fixes both.
 */
const PORTABLE_JOURNEY_CSS = 'text.task, text.journey-section { fill: #333; }';

/**
 * Plain edge labels get a white backing rect at opacity 0.5 from Mermaid's
 * flowchart CSS: the edge line shows through the words (HTML labels have an
 * opaque background).
 */
const PORTABLE_CSS = `${PORTABLE_JOURNEY_CSS} .edgeLabel rect { opacity: 1; }`;

/**
 * The neutral theme draws xychart lines in near-white grey (#eee on white):
 * the emotion curve is invisible. Okabe-Ito colours stay distinct for one line
 * per persona, also for colour-blind readers.
 */
const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const LINE_PALETTE = OKABE_ITO.join(', ');

/**
 * Journey actor dots default to two near-identical greens (#8FBC8F, #7CFC00);
 * journey.actorColours cannot replace them, as Mermaid 11.17 appends a
 * configured array to the default one. CSS beats the fill attribute. Mermaid
 * numbers actors actor-0, actor-1... without wrapping.
 */
const ACTOR_CSS = Array.from({ length: 32 }, (_, index) => `circle.actor-${index} { fill: ${OKABE_ITO[index % OKABE_ITO.length]}; }`).join(' ');

export function mermaidConfig(portable: boolean): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'neutral',
    // Without this, a parse error renders a "Syntax error" bomb image into the page.
    suppressErrorRendering: true,
    htmlLabels: !portable,
    flowchart: { htmlLabels: !portable },
    // Mermaid 11 journey defaults to 'fo' (foreignObject); 'tspan' draws plain <text>.
    journey: { textPlacement: portable ? 'tspan' : 'fo' },
    // xychart lays out the plot in this share of the width first and gives the
    // legend what is left after the y axis; a legend wider than that is dropped
    // whole (Mermaid 11.17 neither wraps nor shortens legend entries). At the
    // default 50% a 700 px chart keeps names up to ~40 characters; at 30% up to
    // ~65, counted before decoding, so "#124;" counts as five. Space the legend
    // and axis labels do not use goes back to the plot.
    xyChart: { plotReservedSpacePercent: 30 },
    themeVariables: { xyChart: { plotColorPalette: LINE_PALETTE } },
    // Keys a %%{init}%% directive or front matter in a diagram may not change.
    // Mermaid's own list is the first six; the rest keep --portable and strict
    // sanitising from being switched off by the diagram text.
    secure: [
      'secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges',
      'htmlLabels', 'dompurifyConfig', 'themeCSS',
    ],
    themeCSS: portable ? `${ACTOR_CSS} ${PORTABLE_CSS}` : ACTOR_CSS,
  };
}
