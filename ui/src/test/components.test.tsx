import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, PasswordAssessment } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { StrengthMeter } from '../components/StrengthMeter';
import i18n, { setLanguage } from '../i18n';
import en from '../i18n/en.json';
import kk from '../i18n/kk.json';
import { coreText } from '../lib/words';

beforeEach(async () => {
  localStorage.clear();
  await act(() => i18n.changeLanguage('en'));
});

describe('LanguageSwitch', () => {
  it('switches the visible strings to Kazakh without a reload', async () => {
    render(
      <>
        <LanguageSwitch />
        <ErrorMessage error={{ code: 'wrong_password', message: 'x', params: {} }} />
      </>,
    );
    expect(screen.getByText(coreText('error-wrong_password', {}, 'en'))).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('lang-kk'));

    expect(screen.getByText(coreText('error-wrong_password', {}, 'kk'))).toBeInTheDocument();
    expect(screen.getByTestId('lang-kk')).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('kk');
    expect(localStorage.getItem('derbes.language')).toBe('kk');

    await userEvent.click(screen.getByTestId('lang-ru'));
    expect(screen.getByText(coreText('error-wrong_password', {}, 'ru'))).toBeInTheDocument();
  });
});

describe('StrengthMeter', () => {
  const assessment: PasswordAssessment = {
    score: 1,
    acceptable: false,
    problems: ['too_short', 'sequence', 'brand_new_code'],
    suggestions: ['add_another_word'],
  };

  it('shows the level and the problems translated from their codes', () => {
    render(<StrengthMeter assessment={assessment} />);
    const meter = screen.getByTestId('strength-meter');
    expect(meter).toHaveAttribute('data-score', '1');
    expect(meter.querySelectorAll('.strength__segment.is-filled')).toHaveLength(2);
    expect(screen.getByText(en.strength.levels['1'])).toBeInTheDocument();
    expect(screen.getByText('Too short: use at least 10 characters.')).toBeInTheDocument();
    expect(screen.getByText(en.strength.problems.sequence)).toBeInTheDocument();
    expect(screen.getByText(en.strength.suggestions.add_another_word)).toBeInTheDocument();
    // A code this UI does not know yet is still shown, as it is.
    expect(screen.getByText('brand_new_code')).toBeInTheDocument();
    expect(screen.queryByText(en.strength.acceptable)).not.toBeInTheDocument();
  });

  it('renders in Kazakh and says when the password is good enough', async () => {
    await act(() => setLanguage('kk'));
    render(
      <StrengthMeter assessment={{ score: 4, acceptable: true, problems: ['dates'], suggestions: [] }} />,
    );
    expect(screen.getByText(kk.strength.levels['4'])).toBeInTheDocument();
    expect(screen.getByText(kk.strength.problems.dates)).toBeInTheDocument();
    expect(screen.getByText(kk.strength.acceptable)).toBeInTheDocument();
  });
});

describe('ErrorMessage', () => {
  it('renders the translated sentence with its parameters', () => {
    const error: ApiError = { code: 'io', message: 'raw', params: { detail: 'disk full' } };
    render(<ErrorMessage error={error} testId="err" />);
    expect(screen.getByTestId('err')).toHaveTextContent('Could not read or write a file: disk full.');
  });

  it('names the field of invalid_input in words', () => {
    render(<ErrorMessage error={{ code: 'invalid_input', message: 'raw', params: { field: 'user_name' } }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Check the field “your name”.');
  });

  it('falls back to the backend message for an unknown code', () => {
    render(<ErrorMessage error={{ code: 'something_new', message: 'The disk is on fire.', params: {} }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The disk is on fire.');
  });
});

describe('Dialog', () => {
  it('closes with Esc', async () => {
    const { Dialog } = await import('../components/Dialog');
    let closed = 0;
    render(
      <Dialog title="Title" onClose={() => closed++}>
        <input aria-label="field" />
      </Dialog>,
    );
    expect(screen.getByRole('dialog')).toHaveAccessibleName('Title');
    expect(screen.getByLabelText('field')).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(closed).toBe(1);
  });
});
