// Collections: the worklist of customers with items past due (a collector sees their own), most urgent first —
// what is overdue, how old the oldest item is, and the next action the last contact set. Each customer opens
// their detail, where a contact is logged. Below it, each collector's results over a period: promises to pay kept,
// broken and still open, and what their customers paid (a collector sees their own).
import { attempt, query, withShared } from './common.js';

export const messages = withShared({
  en: {
    title: 'Collections',
    worklist: 'Worklist of {day}',
    customer: 'Customer',
    overdue: 'Overdue',
    oldest: 'Oldest (days)',
    nextAction: 'Next action',
    collector: 'Collector',
    nothing: 'Nobody owes anything past due.',
    refresh: 'Refresh',
    results: 'Collector results',
    from: 'From',
    to: 'To',
    show: 'Show',
    unassigned: 'Unassigned',
    currency: 'Currency',
    kept: 'Kept promises',
    broken: 'Broken promises',
    open: 'Open promises',
    promised: 'Promised (kept and broken)',
    collected: 'Collected',
    noResults: 'No promises fell due and nothing was collected in this period.',
  },
  'zh-CN': {
    title: '催收',
    worklist: '{day} 的工作清单',
    customer: '客户',
    overdue: '逾期金额',
    oldest: '最早逾期（天）',
    nextAction: '下一步行动',
    collector: '催收员',
    nothing: '没有任何逾期欠款。',
    refresh: '刷新',
    results: '催收员业绩',
    from: '起始日期',
    to: '截止日期',
    show: '查看',
    unassigned: '未分配',
    currency: '币种',
    kept: '已兑现承诺',
    broken: '未兑现承诺',
    open: '待兑现承诺',
    promised: '承诺金额（已兑现与未兑现）',
    collected: '已回款',
    noResults: '此期间没有到期的付款承诺，也没有回款。',
  },
});

export async function render(container, context) {
  const { h, t, format } = context;
  const list = h('div', { className: 'worklist' });
  const today = format.today();
  const from = h('input', { type: 'date', name: 'from', required: true, value: `${today.slice(0, 8)}01` });
  const to = h('input', { type: 'date', name: 'to', required: true, value: today });
  const period = h('form', { className: 'filters' }, context.field(t('from'), from), context.field(t('to'), to),
    h('button', { type: 'submit', textContent: t('show') }));
  const results = h('div', { className: 'collector-results' });
  period.addEventListener('submit', (event) => { event.preventDefault(); attempt(context, results, report); });
  container.replaceChildren(h('h1', { textContent: t('title') }),
    h('p', { className: 'muted' }, t('worklist', { day: format.day(today) }), ' ',
      h('button', { type: 'button', textContent: t('refresh'), onclick: () => attempt(context, list, load) })),
    list, h('h2', { textContent: t('results') }), period, results);

  async function report() {
    const found = await context.json(`/api/v1/collections/collectors/report?${query({ from: from.value, to: to.value })}`);
    results.replaceChildren(found.rows.length === 0 ? h('p', { textContent: t('noResults') }) : context.table(
      [t('collector'), t('currency'), t('kept'), t('broken'), t('open'), t('promised'), t('collected')],
      found.rows.map((row) => h('tr', {},
        h('td', { textContent: row.collector || t('unassigned') }),
        h('td', { textContent: row.currency }),
        h('td', { className: 'amount', textContent: format.number(row.keptPromises) }),
        h('td', { className: 'amount', textContent: format.number(row.brokenPromises) }),
        h('td', { className: 'amount', textContent: format.number(row.openPromises) }),
        h('td', { className: 'amount', textContent: format.money(row.promised) }),
        h('td', { className: 'amount', textContent: format.money(row.collected) })))));
  }

  async function load() {
    const entries = await context.json(`/api/v1/collections/worklist?asOf=${today}`);
    list.replaceChildren(entries.length === 0 ? h('p', { textContent: t('nothing') }) : h('ul', { className: 'cards' },
      entries.map((entry) => h('li', { className: 'card work-item' },
        h('a', { className: 'work-customer', href: `#/core.customers?id=${encodeURIComponent(entry.customerId)}`, textContent: entry.customerName }),
        h('dl', { className: 'facts' },
          h('dt', { textContent: t('overdue') }), h('dd', { className: 'amount overdue-amount', textContent: format.money(entry.overdue) }),
          h('dt', { textContent: t('oldest') }), h('dd', {}, h('span', { className: 'badge overdue', textContent: format.number(entry.oldestDays) })),
          entry.nextAction ? [h('dt', { textContent: t('nextAction') }),
            h('dd', { textContent: entry.nextActionOn ? `${format.day(entry.nextActionOn)} · ${entry.nextAction}` : entry.nextAction })] : null,
          entry.collector ? [h('dt', { textContent: t('collector') }), h('dd', { textContent: entry.collector })] : null)))));
  }

  await attempt(context, list, load);
  await attempt(context, results, report);
}

export default render;
