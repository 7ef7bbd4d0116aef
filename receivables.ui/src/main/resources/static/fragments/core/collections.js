// Collections: the worklist of customers with items past due (a collector sees their own), most urgent first —
// what is overdue, how old the oldest item is, and the next action the last contact set. Each customer opens
// their detail, where a contact is logged.
import { attempt, withShared } from './common.js';

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
  },
});

export async function render(container, context) {
  const { h, t, format } = context;
  const list = h('div', { className: 'worklist' });
  const today = format.today();
  container.replaceChildren(h('h1', { textContent: t('title') }),
    h('p', { className: 'muted' }, t('worklist', { day: format.day(today) }), ' ',
      h('button', { type: 'button', textContent: t('refresh'), onclick: () => attempt(context, list, load) })),
    list);

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
}

export default render;
