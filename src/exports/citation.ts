/**
 * How to cite the dataset: the text of CITATION.cff (the committed file must equal it; a
 * test checks) and a one-line reference with the data version. Pure.
 */
import type { DataVersion } from '../model/data-version.ts';
import { DATA_LICENSE } from './serialize.ts';

export const DATASET_TITLE = 'Госпаблики: официальные страницы государственных органов России в социальных сетях';

export function citationCff(): string {
  return [
    'cff-version: 1.2.0',
    'message: "Если вы используете эти данные, сошлитесь на них так, как указано ниже, и укажите версию данных со страницы /data/."',
    'type: dataset',
    `title: "${DATASET_TITLE}"`,
    'authors:',
    '  - name: "Участники проекта «Госпаблики»"',
    `license: ${DATA_LICENSE.name}`,
    'abstract: "Открытый реестр официальных аккаунтов органов власти и государственных учреждений России во ВКонтакте, Одноклассниках, Telegram и MAX, с подтверждениями принадлежности и уровнем проверки."',
    'keywords:',
    '  - госорганы',
    '  - социальные сети',
    '  - открытые данные',
    '  - госпаблики',
    '',
  ].join('\n');
}

/** «Госпаблики: … [Набор данных]. Версия 2026-11-23+abc. CC BY-SA 4.0. https://…/data/» */
export function citationText(version: DataVersion, url: string): string {
  return `Участники проекта «Госпаблики». ${DATASET_TITLE} [Набор данных]. Версия ${version.id}. Лицензия CC BY-SA 4.0. ${url}`;
}
