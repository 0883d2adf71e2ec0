import { personaStyle } from '../persona-style.js';

/**
 * Colours of the map, by style name. The scene names styles, never colours,
 * so light, dark and `auto` (the viewer's prefers-color-scheme) are one
 * stylesheet each. Text stays near-black on light fills and near-white on dark
 * ones (WCAG AA, 4.5:1 or more); the Okabe–Ito hues are only for lines,
 * markers and fills. The contrast test (test/render/map/theme.test.ts) checks
 * every text style against every fill it is drawn on.
 */
export type ThemeName = 'light' | 'dark' | 'auto';

type Declarations = Record<string, string | number>;
type Palette = Record<string, Declarations>;

/** How many persona styles the stylesheet defines (persona-0 ... persona-4); past that, styles repeat with other markers and dashes. */
export const PERSONA_STYLES = 5;

interface Colors {
  background: string;
  text: string;
  muted: string;
  rule: string;
  band: string;
  head: string;
  lane: string;
  pill: string;
  pillStroke: string;
  good: string;
  bad: string;
  none: string;
  warn: string;
  pain: string;
  opportunity: string;
  moment: string;
  momentOpacity: number;
  tintOpacity: number;
  persona: (index: number) => string;
}

const LIGHT: Colors = {
  background: '#FFFFFF',
  text: '#1F2328',
  muted: '#57606A',
  rule: '#D0D7DE',
  band: '#EAEEF2',
  head: '#F6F8FA',
  lane: '#FAFBFC',
  pill: '#FFFFFF',
  pillStroke: '#8C959F',
  good: '#009E73',
  bad: '#D55E00',
  none: '#8C959F',
  warn: '#B35900',
  pain: '#D55E00',
  opportunity: '#009E73',
  moment: '#F0E442',
  momentOpacity: 0.28,
  tintOpacity: 0.07,
  persona: (index) => personaStyle(index).color,
};

const DARK: Colors = {
  background: '#0D1117',
  text: '#E6EDF3',
  muted: '#9DA7B3',
  rule: '#30363D',
  band: '#1C2128',
  head: '#161B22',
  lane: '#10151C',
  pill: '#161B22',
  pillStroke: '#6E7681',
  good: '#2FC79A',
  bad: '#F07E3C',
  none: '#6E7681',
  warn: '#F2B937',
  pain: '#F07E3C',
  opportunity: '#2FC79A',
  moment: '#F0E442',
  momentOpacity: 0.13,
  tintOpacity: 0.1,
  persona: (index) => personaStyle(index).darkColor,
};

function palette(c: Colors): Palette {
  const styles: Palette = {
    background: { fill: c.background },
    // Text: only these styles ever colour text.
    title: { fill: c.text },
    text: { fill: c.text },
    muted: { fill: c.muted },
    // Structure.
    band: { fill: c.band },
    head: { fill: c.head, stroke: c.rule, 'stroke-width': 1 },
    lane: { fill: c.lane },
    rule: { stroke: c.rule, 'stroke-width': 1, fill: 'none' },
    'rule-strong': { stroke: c.muted, 'stroke-width': 1.5, fill: 'none' },
    'evidence-border': { fill: 'none', stroke: c.muted, 'stroke-width': 1.5 },
    'evidence-hatch': { fill: 'none', stroke: c.rule, 'stroke-width': 1 },
    moment: { fill: c.moment, 'fill-opacity': c.momentOpacity },
    'moment-star': { fill: c.moment, stroke: c.text, 'stroke-width': 0.75 },
    // Emotion band.
    'tint-good': { fill: c.good, 'fill-opacity': c.tintOpacity },
    'tint-bad': { fill: c.bad, 'fill-opacity': c.tintOpacity },
    grid: { stroke: c.rule, 'stroke-width': 1, fill: 'none' },
    'grid-zero': { stroke: c.muted, 'stroke-width': 1.25, fill: 'none' },
    face: { fill: 'none', stroke: c.muted, 'stroke-width': 1.25, 'stroke-linecap': 'round' },
    'face-fill': { fill: c.muted },
    'no-data': { fill: c.background, stroke: c.muted, 'stroke-width': 1.25 },
    // Touchpoints.
    pill: { fill: c.pill, stroke: c.pillStroke, 'stroke-width': 1 },
    icon: { fill: 'none', stroke: c.text, 'stroke-width': 1.25, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' },
    'icon-fill': { fill: c.text },
    handoff: { fill: 'none', stroke: c.muted, 'stroke-width': 1.25, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' },
    warn: { fill: c.warn },
    'knockout': { fill: c.background },
    // Pains, opportunities, lists.
    pain: { fill: c.pain },
    'pain-empty': { fill: 'none', stroke: c.pain, 'stroke-width': 1.25 },
    opportunity: { fill: c.opportunity },
    bullet: { fill: c.muted },
    // KPIs.
    // The track is the page colour with an outline: a grey track left the green bar at 2.3:1
    // against it, under the 3:1 graphics need; on the page colour every bar reaches 3:1.
    'kpi-track': { fill: c.background, stroke: c.pillStroke, 'stroke-width': 1 },
    'kpi-good': { fill: c.good },
    'kpi-bad': { fill: c.bad },
    'kpi-none': { fill: c.none },
    'kpi-target': { stroke: c.text, 'stroke-width': 2, fill: 'none' },
    'kpi-trend': { stroke: c.muted, 'stroke-width': 1.25, fill: 'none', 'stroke-linejoin': 'round' },
    badge: { fill: c.background, stroke: c.muted, 'stroke-width': 1 },
    'badge-hot': { fill: c.background, stroke: c.bad, 'stroke-width': 1.75 },
    // Blueprint lines.
    'line-interaction': { stroke: c.text, 'stroke-width': 1.5, fill: 'none' },
    'line-visibility': { stroke: c.text, 'stroke-width': 1.5, fill: 'none' },
    'line-internal': { stroke: c.muted, 'stroke-width': 1.5, fill: 'none' },
  };
  for (let index = 0; index < PERSONA_STYLES; index++) {
    styles[`persona-${index}`] = { fill: 'none', stroke: c.persona(index), 'stroke-width': 2.5, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };
    styles[`marker-${index}`] = { fill: c.persona(index), stroke: c.background, 'stroke-width': 1 };
  }
  return styles;
}

/** The text colours and the fills they sit on, for the contrast test. */
export function themeColors(theme: 'light' | 'dark'): Colors {
  return theme === 'light' ? LIGHT : DARK;
}

/** The `<style>` content for a theme; `auto` is light with a dark override for prefers-color-scheme: dark. */
export function stylesheet(theme: ThemeName): string {
  if (theme === 'auto') return `${rules(palette(LIGHT))}@media (prefers-color-scheme:dark){${rules(palette(DARK))}}`;
  return rules(palette(themeColors(theme)));
}

function rules(styles: Palette): string {
  return Object.entries(styles)
    .map(([name, declarations]) => `.${name}{${Object.entries(declarations).map(([property, value]) => `${property}:${value}`).join(';')}}`)
    .join('');
}
