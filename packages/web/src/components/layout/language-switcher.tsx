import { Button, Menu } from '@mantine/core';
import { useSaveLocale } from '../../accounts/auth.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../i18n/locales';
import { IconChevronDown, IconLanguage } from '../common/icons';

/** `signedIn` decides where the choice is remembered: on the server per user, or only locally until sign-in. */
export function LanguageSwitcher({ signedIn }: { signedIn: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const save = useSaveLocale();

  const choose = (next: Locale) => {
    setLocale(next, { unsynced: !signedIn });
    if (signedIn) save.mutate(next);
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconLanguage />}
          rightSection={<IconChevronDown size={14} />}
          aria-label={t('header.languageCurrent', { language: LOCALE_NAMES[locale] })}
          data-testid="language-switcher"
        >
          <span lang={locale} translate="no">
            {LOCALE_NAMES[locale]}
          </span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.language')}</Menu.Label>
        {LOCALES.map((option) => (
          <Menu.Item
            key={option}
            onClick={() => {
              choose(option);
            }}
            aria-current={option === locale ? 'true' : undefined}
            lang={option}
            translate="no"
            data-locale={option}
          >
            {LOCALE_NAMES[option]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
