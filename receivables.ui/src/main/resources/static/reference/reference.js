// The REST API's reference, rendered from the OpenAPI document the host serves at /api/v1/openapi.json: every
// operation grouped by its first path segment, with its roles, parameters, bodies, answers and problem types, and
// the schemas of the bodies. Nothing is loaded from elsewhere; the document is read as data, never as markup.

import { h, table } from '../shell/dom.js';
import { LANGUAGES, preferredLanguage, translator } from '../shell/i18n.js';

export const DOCUMENT = '/api/v1/openapi.json';
const LANGUAGE_KEY = 'receivables.language';
const VERBS = ['get', 'post', 'put', 'patch', 'delete'];

export const messages = {
  en: {
    title: 'REST API reference',
    loading: 'Loading the API description…',
    failed: 'The API description could not be loaded: {reason}',
    language: 'Language',
    filter: 'Filter by path, role or text',
    operations: '{count} operations',
    download: 'OpenAPI 3.1 document (JSON)',
    noCredentials: 'needs no credentials',
    permittedTo: 'Permitted to',
    nobody: 'nobody',
    feature: 'Only for tenants with the feature',
    parameters: 'Parameters',
    name: 'Name',
    in: 'In',
    required: 'Required',
    type: 'Type',
    yes: 'yes',
    no: 'no',
    requestBody: 'Request body',
    responses: 'Answers',
    status: 'Status',
    description: 'Description',
    content: 'Body',
    problemTypes: 'Problem types',
    schemas: 'Schemas',
    property: 'Property',
    any: 'any',
    'in.path': 'path',
    'in.query': 'query',
    'in.header': 'header',
    'in.cookie': 'cookie',
    'role.CLERK': 'clerk',
    'role.COLLECTOR': 'collector',
    'role.FINANCE_MANAGER': 'finance manager',
    'role.TENANT_ADMIN': 'tenant admin',
    'role.AUDITOR': 'auditor',
  },
  'zh-CN': {
    title: 'REST 接口说明',
    loading: '正在加载接口说明…',
    failed: '无法加载接口说明：{reason}',
    language: '语言',
    filter: '按路径、角色或文字筛选',
    operations: '共 {count} 个接口',
    download: 'OpenAPI 3.1 文档（JSON）',
    noCredentials: '无需凭据',
    permittedTo: '允许的角色',
    nobody: '无人',
    feature: '仅限开通此功能的租户',
    parameters: '参数',
    name: '名称',
    in: '位置',
    required: '必填',
    type: '类型',
    yes: '是',
    no: '否',
    requestBody: '请求体',
    responses: '应答',
    status: '状态码',
    description: '说明',
    content: '内容',
    problemTypes: '问题类型',
    schemas: '数据结构',
    property: '字段',
    any: '任意',
    'in.path': '路径',
    'in.query': '查询',
    'in.header': '请求头',
    'in.cookie': 'Cookie',
    'role.CLERK': '应收会计',
    'role.COLLECTOR': '催收员',
    'role.FINANCE_MANAGER': '财务经理',
    'role.TENANT_ADMIN': '租户管理员',
    'role.AUDITOR': '审计员',
  },
};

/** The name a local reference points to: '#/components/schemas/Invoice' is 'Invoice'. */
export function refName(ref) {
  return String(ref).split('/').pop();
}

/** A schema as short text: 'string (date)', 'array of Invoice', 'map of number', 'CUSTOMER | SUPPLIER'. */
export function typeText(schema, t) {
  if (!schema || typeof schema !== 'object') return t('any');
  if (schema.$ref) return refName(schema.$ref);
  if (Array.isArray(schema.enum)) return schema.enum.join(' | ');
  if (schema.type === 'array') return `array of ${typeText(schema.items, t)}`;
  if (schema.type === 'object' && schema.additionalProperties) return `map of ${typeText(schema.additionalProperties, t)}`;
  if (!schema.type) return t('any');
  const detail = schema.format || schema.contentMediaType;
  return detail ? `${schema.type} (${detail})` : String(schema.type);
}

/** The operations of the document, in path order: {path, verb, operation}. */
export function operationsOf(spec) {
  const operations = [];
  for (const [path, item] of Object.entries((spec && spec.paths) || {})) {
    for (const verb of VERBS) {
      if (item[verb]) operations.push({ path, verb, operation: item[verb] });
    }
  }
  return operations;
}

/** Whether an operation matches the filter text: its path, verb, roles, description or problem types. */
export function matches(entry, text) {
  const needle = String(text || '').trim().toLowerCase();
  if (!needle) return true;
  const { path, verb, operation } = entry;
  const haystack = [verb, path, operation.description, ...(operation['x-permitted-roles'] || []),
    ...Object.values(operation.responses || {}).flatMap((response) => response['x-problem-types'] || [])]
    .join(' ').toLowerCase();
  return haystack.includes(needle);
}

function schemaLink(schema, t) {
  const text = typeText(schema, t);
  const target = schema && (schema.$ref || (schema.items && schema.items.$ref));
  return target ? h('a', { href: `#schema-${refName(target)}` }, text) : h('code', {}, text);
}

function contentList(content, t) {
  return h('ul', {}, Object.entries(content || {}).map(([mediaType, media]) =>
    h('li', {}, h('code', {}, mediaType), ' ', schemaLink(media.schema, t))));
}

function operationView({ path, verb, operation }, t) {
  const roles = operation['x-permitted-roles'];
  const who = roles === undefined ? h('span', { className: 'badge' }, t('noCredentials'))
    : h('span', { className: 'muted' }, `${t('permittedTo')}: `,
      roles.length === 0 ? t('nobody') : roles.map((role) => t(`role.${role}`)).join(', '));
  const parameters = operation.parameters || [];
  const body = operation.requestBody;
  return h('details', { className: 'operation', id: operation.operationId },
    h('summary', {}, h('span', { className: `verb ${verb}` }, verb.toUpperCase()), h('code', {}, path), who),
    h('div', {},
      operation.description ? h('p', {}, operation.description) : null,
      operation['x-required-feature'] ? h('p', {}, `${t('feature')}: `, h('code', {}, operation['x-required-feature'])) : null,
      parameters.length ? [h('h3', {}, t('parameters')), table([t('name'), t('in'), t('required'), t('type')],
        parameters.map((parameter) => h('tr', {}, h('td', {}, h('code', {}, parameter.name)),
          h('td', {}, t(`in.${parameter.in}`)), h('td', {}, parameter.required ? t('yes') : t('no')),
          h('td', {}, schemaLink(parameter.schema, t)))))] : null,
      body ? [h('h3', {}, t('requestBody')), contentList(body.content, t)] : null,
      h('h3', {}, t('responses')),
      table([t('status'), t('description'), t('content'), t('problemTypes')],
        Object.entries(operation.responses || {}).map(([status, response]) => h('tr', {},
          h('td', {}, h('code', {}, status)), h('td', {}, response.description || ''),
          h('td', {}, response.content ? contentList(response.content, t) : ''),
          h('td', {}, (response['x-problem-types'] || []).map((type) => h('div', {}, h('code', {}, type)))))))));
}

function schemasView(spec, t) {
  const schemas = (spec.components && spec.components.schemas) || {};
  return [h('h2', {}, t('schemas')), Object.entries(schemas).map(([name, schema]) =>
    h('details', { className: 'operation', id: `schema-${name}` }, h('summary', {}, h('code', {}, name)),
      h('div', {}, table([t('property'), t('type')], Object.entries(schema.properties || {}).map(([property, type]) =>
        h('tr', {}, h('td', {}, h('code', {}, property)), h('td', {}, schemaLink(type, t))))))))];
}

/** The whole reference of {@code spec} in the language of {@code t}, with a filter over the operations. */
export function reference(spec, t, language, onLanguage) {
  const all = operationsOf(spec);
  const list = h('div', {});
  const count = h('p', { className: 'muted', role: 'status' });
  const show = (text) => {
    const shown = all.filter((entry) => matches(entry, text));
    const groups = new Map();
    shown.forEach((entry) => {
      const tag = (entry.operation.tags && entry.operation.tags[0]) || '';
      groups.set(tag, [...(groups.get(tag) || []), entry]);
    });
    list.replaceChildren(...[...groups.entries()].flatMap(([tag, entries]) =>
      [h('h2', {}, `/${tag}`), ...entries.map((entry) => operationView(entry, t))]));
    count.textContent = t('operations', { count: shown.length });
  };
  const filter = h('input', { type: 'search', id: 'reference-filter', oninput: (event) => show(event.target.value) });
  const languages = h('select', { id: 'reference-language', onchange: (event) => onLanguage(event.target.value) },
    LANGUAGES.map(({ code, name }) => h('option', { value: code, selected: code === language }, name)));
  show('');
  const info = spec.info || {};
  return [
    h('header', {}, h('div', {}, h('h1', {}, t('title')), h('p', { className: 'muted' }, `${info.title || ''} ${info.version || ''}`)),
      h('div', { className: 'filters' },
        h('div', { className: 'field' }, h('label', { for: 'reference-language', textContent: t('language') }), languages),
        h('div', { className: 'field' }, h('label', { for: 'reference-filter', textContent: t('filter') }), filter))),
    info.description ? h('p', {}, info.description) : null,
    h('p', {}, h('a', { href: DOCUMENT }, t('download'))),
    count, list, schemasView(spec, t),
  ];
}

/** Loads the document and renders it into {@code container}, again when the language changes. */
export async function start(container) {
  let language = preferredLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages);
  const draw = (spec) => {
    const t = translator(messages, language, 'reference');
    document.documentElement.lang = language;
    document.title = t('title');
    container.replaceChildren(...reference(spec, t, language, (code) => {
      language = code;
      localStorage.setItem(LANGUAGE_KEY, code);
      draw(spec);
    }).flat(2).filter(Boolean));
  };
  const t = translator(messages, language, 'reference');
  container.replaceChildren(h('p', { role: 'status' }, t('loading')));
  try {
    const response = await fetch(DOCUMENT, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    draw(await response.json());
  } catch (failure) {
    container.replaceChildren(h('p', { className: 'problem', role: 'alert' }, t('failed', { reason: failure.message })));
  }
}
