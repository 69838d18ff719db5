/** The welcome card, sent when the bot is installed or the user joins a conversation with it. */
import { render } from '../cards';
import type { Card, Locale } from '../types';
import welcomeTemplate from '../../cards/welcome.json';

export function welcomeCard(locale: Locale): Card {
  return render(welcomeTemplate, locale);
}
