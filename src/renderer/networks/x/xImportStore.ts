import { create } from 'zustand';
import type { XImportProgress } from '../../../shared/xImport.ts';

/** The X archive import main is running, as its events report it; null while none runs. */
export const useXImport = create<{ progress: XImportProgress | null }>()(() => ({ progress: null }));
