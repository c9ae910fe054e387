// Which tray icon file shows a state, on a platform, at a display scale. The files are rendered from
// build/tray/<state>.svg by scripts/buildIcons.ts and shipped beside the app (electron-builder's extraResources).
//   macOS    <state>Template.png, <state>Template@2x.png: black and alpha, so the menu bar tints them for light
//            and dark itself (Electron makes a template of any file whose name ends in "Template").
//   Windows  <state>.png, <state>@2x.png: 16 and 32 px; Electron finds the @2x file beside the other.
//   Linux    <state>-linux.png: one 32 px image the panel fits to its own size.
// The states differ in shape as well as colour (ring, disc, ring with a dot, disc with "!"), so the
// single-colour macOS icons tell them apart too, as does anyone who does not see the colours.
import path from 'node:path';
import type { TrayState } from './trayView.ts';

export const trayStates: readonly TrayState[] = ['idle', 'online', 'offline', 'over'];

export type TrayScale = 1 | 2;

export interface TrayIconFile {
  file: string;
  state: TrayState;
  /** Width and height in pixels. */
  pixels: number;
  /** Black and alpha only, for the macOS menu bar. */
  template: boolean;
}

type Kind = 'template' | 'colour' | 'linux';

const kindOf = (platform: string): Kind =>
  platform === 'darwin' ? 'template' : platform === 'win32' ? 'colour' : 'linux';

function fileName(state: TrayState, kind: Kind, scale: TrayScale): string {
  if (kind === 'linux') return `${state}-linux.png`;
  return `${state}${kind === 'template' ? 'Template' : ''}${scale === 2 ? '@2x' : ''}.png`;
}

/** The file for a state on `platform` (process.platform) at `scale`; Linux has one file for every scale. */
export function trayIconFile(state: TrayState, platform: string, scale: TrayScale = 1): string {
  return fileName(state, kindOf(platform), scale);
}

/** Every file the tray may load on any platform: what the icon script renders and the installers carry. */
export function trayIconFiles(): TrayIconFile[] {
  return trayStates.flatMap((state) => [
    ...([1, 2] as const).flatMap((scale) =>
      (['colour', 'template'] as const).map((kind) => ({
        file: fileName(state, kind, scale),
        state,
        pixels: 16 * scale,
        template: kind === 'template',
      })),
    ),
    { file: fileName(state, 'linux', 1), state, pixels: 32, template: false },
  ]);
}

/** Where the files lie: in the packaged app's resources, else (electron-vite dev and preview) in the checkout. */
export function trayIconFolder(place: { packaged: boolean; resourcesPath: string; appPath: string }): string {
  return place.packaged ? path.join(place.resourcesPath, 'tray') : path.join(place.appPath, 'build', 'tray');
}
