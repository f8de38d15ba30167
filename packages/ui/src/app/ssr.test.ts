// fillHtmlTemplate inserts server-rendered HTML verbatim, whatever `$` patterns user text carries.
import { describe, expect, it } from 'vitest';
import { fillHtmlTemplate } from './ssr';

const template = '<html><head><!--app-head--></head><body><div id="root"><!--app-html--></div><!--app-state--></body></html>';
const title = "A $' B $` C $& D $1 $$";

describe('fillHtmlTemplate', () => {
  it('inserts values containing replacement patterns exactly as given', () => {
    const html = fillHtmlTemplate(template, { 'app-head': `<title>${title}</title>`, 'app-html': `<h1>${title}</h1>`, 'app-state': `<script>"${title}"</script>` });
    expect(html).toBe(`<html><head><title>${title}</title></head><body><div id="root"><h1>${title}</h1></div><script>"${title}"</script></body></html>`);
    expect(html.split('<html>')).toHaveLength(2);
  });

  it('fills in one pass: a slot name inside a value stays text', () => {
    const html = fillHtmlTemplate(template, { 'app-head': '', 'app-html': 'see <!--app-state-->', 'app-state': 'STATE' });
    expect(html).toBe('<html><head></head><body><div id="root">see <!--app-state--></div>STATE</body></html>');
  });

  it('leaves comments it was not asked to fill and refuses a template missing a slot', () => {
    expect(fillHtmlTemplate('<!--keep--><!--a-->', { a: '$&' })).toBe('<!--keep-->$&');
    expect(() => fillHtmlTemplate('<div></div>', { 'app-html': 'x' })).toThrow('The HTML template has no slot for <!--app-html-->');
  });
});
