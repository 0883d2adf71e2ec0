/**
 * How a persona is drawn, the same in every picture cjm makes (map, blueprint,
 * Mermaid charts): by its place in personaOrder() (src/model/emotions.ts).
 * Okabe–Ito colours, safe for the common colour-vision deficiencies; and since
 * meaning never rests on colour alone, each persona also has a marker shape and
 * a dash pattern, so the curves read in greyscale and in print.
 */

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down';

interface PersonaStyle {
  /** Line and marker colour (never text colour: these hues are under 4.5:1 on white). */
  color: string;
  /** The same hue, adjusted for 3:1 against the dark theme's fills. */
  darkColor: string;
  marker: MarkerShape;
  /** SVG stroke-dasharray; '' is solid. */
  dash: string;
}

/**
 * Okabe–Ito blue and vermillion; its bluish green, reddish purple and orange a
 * little darker (#009E73, #CC79A7, #E69F00), as the dark theme adjusts them
 * the other way: graphics need 3:1 where they are drawn, and #E69F00 reached
 * 2.25:1 on white, #CC79A7 2.9 on a step header, #009E73 2.9 in the emotion
 * band across a moment of truth (test/render/map/theme.test.ts).
 */
const COLORS = ['#0072B2', '#D55E00', '#00946C', '#BC679A', '#AD7600'] as const;
const DARK_COLORS = ['#56B4E9', '#F07E3C', '#2FC79A', '#E29AC4', '#F2B937'] as const;
const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'triangle-down'];
const DASHES = ['', '6 3', '2 2', '8 3 2 3', '1 3'] as const;

/**
 * The style of the persona at `index`. Past five personas colours repeat, but
 * marker and dash advance at different rates, so the first 25 personas differ in
 * at least one of colour, marker or dash from every other.
 */
export function personaStyle(index: number): PersonaStyle {
  const i = Math.max(0, Math.floor(index));
  const round = Math.floor(i / COLORS.length);
  return {
    color: COLORS[i % COLORS.length],
    darkColor: DARK_COLORS[i % COLORS.length],
    marker: MARKERS[(i + round) % MARKERS.length],
    dash: DASHES[(i + 2 * round) % DASHES.length],
  };
}
