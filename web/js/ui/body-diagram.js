// The body diagram: an inline SVG figure seen from behind and from the front. Every region of
// ui/regions.json is a toggle button (role=button, aria-pressed) named as in body-regions.json,
// usable by mouse, touch and keyboard. A marked region is hatched and outlined in a solid line
// (not colour alone), and the list under the figure names every marked region.

import { h, s, uid } from './dom.js';

const VIEWBOX = '0 0 200 345';

// Region shapes in the figure's units (200 wide), side by side rather than stacked: each at least
// 28 units in both directions, so at least 44 CSS pixels wherever the figure is drawn at 1.6 px per
// unit or more (the stylesheet keeps it so from a 360 px phone to a tablet).
const SHAPES = {
  lower_back: { type: 'rect', x: 64, y: 90, width: 72, height: 32, rx: 10 },
  left_sacroiliac_joint: { type: 'ellipse', cx: 84, cy: 138, rx: 15, ry: 14.5 },
  right_sacroiliac_joint: { type: 'ellipse', cx: 116, cy: 138, rx: 15, ry: 14.5 },
  left_buttock: { type: 'path', d: 'M85 156 L85 212 Q64 220 47 206 Q41 181 49 160 Q64 152 85 156 Z' },
  right_buttock: { type: 'path', d: 'M115 156 L115 212 Q136 220 153 206 Q159 181 151 160 Q136 152 115 156 Z' },
  tailbone: { type: 'ellipse', cx: 100, cy: 168, rx: 14, ry: 14 },
  around_the_anus: { type: 'ellipse', cx: 100, cy: 198, rx: 14, ry: 14 },
  left_sitting_bone: { type: 'ellipse', cx: 71, cy: 228, rx: 16, ry: 14 },
  right_sitting_bone: { type: 'ellipse', cx: 129, cy: 228, rx: 16, ry: 14 },
  back_of_left_thigh: { type: 'rect', x: 50, y: 245, width: 46, height: 42, rx: 12 },
  back_of_right_thigh: { type: 'rect', x: 104, y: 245, width: 46, height: 42, rx: 12 },
  left_lower_leg: { type: 'rect', x: 55, y: 294, width: 38, height: 44, rx: 12 },
  right_lower_leg: { type: 'rect', x: 107, y: 294, width: 38, height: 44, rx: 12 },
  // Seen from the front, the person's right is on the viewer's left.
  right_outer_hip: { type: 'ellipse', cx: 44, cy: 172, rx: 16, ry: 24 },
  left_outer_hip: { type: 'ellipse', cx: 156, cy: 172, rx: 16, ry: 24 },
  right_groin: { type: 'ellipse', cx: 80, cy: 200, rx: 18, ry: 15 },
  left_groin: { type: 'ellipse', cx: 120, cy: 200, rx: 18, ry: 15 },
};

// Where each region's name is written on the figure (the centre of its shape).
const LABEL_AT = {
  left_buttock: [66, 186],
  right_buttock: [134, 186],
  back_of_left_thigh: [74, 266],
  back_of_right_thigh: [126, 266],
};

function labelPoint(id) {
  if (LABEL_AT[id]) return LABEL_AT[id];
  const g = SHAPES[id];
  return g.type === 'rect' ? [g.x + g.width / 2, g.y + g.height / 2] : [g.cx, g.cy];
}

/** The region's short name written on it (one word a line), for sighted people; the control keeps its full name. */
function regionLabel(id, t) {
  const words = (t(`region_short.${id}`) || t(`region.${id}`)).split(/\s+/);
  const [x, y] = labelPoint(id);
  const lineHeight = 7.5;
  const top = y - ((words.length - 1) * lineHeight) / 2;
  return s(
    'text',
    {
      class: 'region-label',
      x,
      y: top,
      'text-anchor': 'middle',
      'dominant-baseline': 'central',
      'aria-hidden': 'true',
    },
    words.map((word, i) => s('tspan', { x, y: top + i * lineHeight }, word)),
  );
}

// Drawing order: large regions first, so the small ones lie on top and stay reachable.
const ORDER = [
  'left_buttock',
  'right_buttock',
  'back_of_left_thigh',
  'back_of_right_thigh',
  'left_lower_leg',
  'right_lower_leg',
  'lower_back',
  'left_sacroiliac_joint',
  'right_sacroiliac_joint',
  'left_sitting_bone',
  'right_sitting_bone',
  'tailbone',
  'around_the_anus',
  'right_outer_hip',
  'left_outer_hip',
  'right_groin',
  'left_groin',
];

function silhouette(view) {
  const skin = { class: 'figure' };
  const parts = [
    s('circle', { ...skin, cx: 100, cy: 24, r: 17 }),
    s('rect', { ...skin, x: 92, y: 38, width: 16, height: 12 }),
    s('path', {
      ...skin,
      d: 'M56 50 Q100 42 144 50 L150 96 L140 128 Q158 150 156 186 L152 232 L100 236 L48 232 L44 186 Q42 150 60 128 L50 96 Z',
    }),
    s('rect', { ...skin, x: 30, y: 54, width: 20, height: 88, rx: 10 }),
    s('rect', { ...skin, x: 150, y: 54, width: 20, height: 88, rx: 10 }),
    s('rect', { ...skin, x: 48, y: 220, width: 50, height: 70, rx: 14 }),
    s('rect', { ...skin, x: 102, y: 220, width: 50, height: 70, rx: 14 }),
    s('rect', { ...skin, x: 53, y: 284, width: 42, height: 56, rx: 14 }),
    s('rect', { ...skin, x: 105, y: 284, width: 42, height: 56, rx: 14 }),
  ];
  if (view === 'back') {
    parts.push(s('line', { class: 'figure-line', x1: 100, y1: 56, x2: 100, y2: 150 }));
  } else {
    parts.push(s('path', { class: 'figure-line', d: 'M70 150 Q100 168 130 150' }));
  }
  return s('g', { 'aria-hidden': 'true' }, parts);
}

function shape(id) {
  const { type, ...geometry } = SHAPES[id];
  return s(type, geometry);
}

// A copy of the shape filled with the hatch pattern; CSS shows it only when the region is marked.
function hatchShape(id, patternId) {
  const copy = shape(id);
  copy.setAttribute('class', 'hatch');
  copy.setAttribute('fill', `url(#${patternId})`);
  return copy;
}

/**
 * regions: [{id, finding, side, view}] (ui/regions.json); t: i18n; marked: Set of region ids;
 * view: 'back' | 'front'; onChange(markedSet, view) after every change.
 */
export function createBodyDiagram({ regions, t, marked, view = 'back', onChange }) {
  const state = { marked: new Set(marked), view };
  const controls = new Map();
  const listId = uid('marked');

  const status = h('p', { class: 'marked-list', id: listId, 'aria-live': 'polite' });
  const updateStatus = () => {
    const names = regions.filter((r) => state.marked.has(r.id)).map((r) => t(`region.${r.id}`));
    status.textContent =
      names.length === 0 ? t('diagram.none_marked') : t('diagram.marked', { list: names.join(', ') });
  };

  const toggle = (id) => {
    if (state.marked.has(id)) state.marked.delete(id);
    else state.marked.add(id);
    const control = controls.get(id);
    control.setAttribute('aria-pressed', String(state.marked.has(id)));
    updateStatus();
    onChange?.(new Set(state.marked), state.view);
  };

  const views = {};
  for (const which of ['back', 'front']) {
    const hatchId = uid('hatch');
    const defs = s(
      'defs',
      {},
      s(
        'pattern',
        {
          id: hatchId,
          patternUnits: 'userSpaceOnUse',
          width: 7,
          height: 7,
          patternTransform: 'rotate(45)',
        },
        s('rect', { class: 'hatch-bg', width: 7, height: 7 }),
        s('rect', { class: 'hatch-line', width: 3, height: 7 }),
      ),
    );
    const regionLayer = s('g', { class: 'regions' });
    for (const id of ORDER) {
      const region = regions.find((r) => r.id === id && r.view === which);
      if (!region || !SHAPES[id]) continue;
      const control = s(
        'g',
        {
          class: 'region',
          role: 'button',
          tabindex: 0,
          'aria-label': t(`region.${id}`),
          'aria-pressed': String(state.marked.has(id)),
          'data-region': id,
          on: {
            click: () => toggle(id),
            keydown: (event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                toggle(id);
              }
            },
          },
        },
        shape(id),
        hatchShape(id, hatchId),
        regionLabel(id, t),
      );
      controls.set(id, control);
      regionLayer.append(control);
    }
    const sideLabels =
      which === 'back' ? [t('diagram.left'), t('diagram.right')] : [t('diagram.right'), t('diagram.left')];
    const labels = s(
      'g',
      { class: 'side-labels', 'aria-hidden': 'true' },
      s('text', { x: 4, y: 16 }, sideLabels[0]),
      s('text', { x: 196, y: 16, 'text-anchor': 'end' }, sideLabels[1]),
    );
    const svg = s(
      'svg',
      {
        class: 'body-figure',
        viewBox: VIEWBOX,
        role: 'group',
        'aria-label': t(which === 'back' ? 'diagram.back_label' : 'diagram.front_label'),
        focusable: 'false',
      },
      defs,
      silhouette(which),
      labels,
      regionLayer,
    );
    views[which] = h(
      'div',
      { class: 'figure-view', 'data-view': which, hidden: which !== state.view },
      h('p', { class: 'view-caption' }, t(which === 'back' ? 'diagram.back_caption' : 'diagram.front_caption')),
      svg,
    );
  }

  // A region of the data that the figure does not draw still gets a control (never silently lost).
  const extra = regions.filter((r) => !SHAPES[r.id]);
  const extraList =
    extra.length === 0
      ? null
      : h(
          'div',
          { class: 'extra-regions' },
          extra.map((r) => {
            const button = h(
              'button',
              {
                type: 'button',
                class: 'toggle',
                'aria-pressed': String(state.marked.has(r.id)),
                on: { click: () => toggle(r.id) },
              },
              t(`region.${r.id}`),
            );
            controls.set(r.id, button);
            return button;
          }),
        );

  const viewButtons = {};
  const setView = (which) => {
    state.view = which;
    for (const [name, el] of Object.entries(views)) el.hidden = name !== which;
    for (const [name, button] of Object.entries(viewButtons))
      button.setAttribute('aria-pressed', String(name === which));
    onChange?.(new Set(state.marked), state.view);
  };
  for (const which of ['back', 'front']) {
    viewButtons[which] = h(
      'button',
      {
        type: 'button',
        class: 'toggle',
        'aria-pressed': String(which === state.view),
        on: { click: () => setView(which) },
      },
      t(which === 'back' ? 'diagram.view_back' : 'diagram.view_front'),
    );
  }

  updateStatus();
  const element = h(
    'div',
    { class: 'diagram' },
    h(
      'div',
      { class: 'view-switch', role: 'group', 'aria-label': t('diagram.view_group') },
      viewButtons.back,
      viewButtons.front,
    ),
    views.back,
    views.front,
    extraList,
    status,
  );

  return {
    element,
    marked: () => new Set(state.marked),
    clear() {
      for (const id of [...state.marked]) toggle(id);
    },
  };
}
