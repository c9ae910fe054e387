// Exposes exactly the contract's methods and event subscriptions as window.twoway; nothing else of IPC.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventNames, ipcChannel, methodNames, type EventName, type TwowayApi } from '../shared/contract.ts';

const api: Record<string, unknown> = {
  subscribe(event: EventName, listener: (payload: unknown) => void) {
    if (!eventNames.includes(event)) throw new Error(`Twoway has no event called “${event}”.`);
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(ipcChannel(event), handler);
    return () => ipcRenderer.removeListener(ipcChannel(event), handler);
  },
};
for (const name of methodNames) api[name] = (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input);

contextBridge.exposeInMainWorld('twoway', api as TwowayApi);
