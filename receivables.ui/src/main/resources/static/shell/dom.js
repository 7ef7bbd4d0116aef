// Building DOM without innerHTML: text is always text, so nothing an API returns can become markup.

/** h('td', {className: 'amount'}, 'text', child): an element with properties, attributes (aria-*, data-*, for) and children. */
export function h(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(properties || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('aria-') || name.startsWith('data-') || name === 'for' || name === 'role') {
      node.setAttribute(name, value === true ? '' : String(value));
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      node[name] = value;
    }
  }
  node.append(...children.flat().filter((child) => child !== undefined && child !== null && child !== false));
  return node;
}

let fieldCounter = 0;

/** A labelled form field: the label names the control, so every field has one. */
export function field(label, control) {
  if (!control.id) {
    fieldCounter += 1;
    control.id = `field-${fieldCounter}`;
  }
  return h('div', { className: 'field' }, h('label', { for: control.id, textContent: label }), control);
}

/** A table of rows with a header and, optionally, a footer row. */
export function table(headers, rows, footer) {
  return h('div', { className: 'table-scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, rows),
    footer ? h('tfoot', {}, footer) : null));
}
