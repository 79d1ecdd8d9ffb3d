import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FailureAlert } from '../src/components/common/error-alert';
import { formatters } from '../src/i18n/format';
import { I18nContext } from '../src/i18n/i18n-context';
import { translator } from '../src/i18n/translate';

function render(state: { isError: boolean; error: unknown }): string {
  const i18n = {
    locale: 'en' as const,
    setLocale: () => undefined,
    t: translator('en'),
    fmt: formatters('en'),
  };
  const alert = createElement(FailureAlert, { of: state });
  return renderToStaticMarkup(
    createElement(MantineProvider, null, createElement(I18nContext.Provider, { value: i18n }, alert)),
  );
}

describe('FailureAlert', () => {
  it('shows nothing while the query or mutation has not failed', () => {
    expect(render({ isError: false, error: null })).not.toContain('role="alert"');
  });

  it('shows the error as an alert once it has failed', () => {
    const html = render({ isError: true, error: new Error('boom') });
    expect(html).toContain('role="alert"');
    expect(html).toContain(translator('en')('error.title'));
  });
});
