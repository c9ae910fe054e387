// A DID registered on the PLC directory with whatever handle and server it is given, as anyone can register
// one: an impostor's identity, for tests that check the app believes only identities that name the handle back.
// Loaded by computed names, like devEnv.ts, so the root tsc needs none of this folder's node_modules.

type Keypair = { did(): string };
type CryptoModule = { Secp256k1Keypair: { create(): Promise<Keypair> } };
type PlcModule = {
  Client: new (url: string) => {
    createDid(opts: {
      signingKey: string;
      handle: string;
      pds: string;
      rotationKeys: string[];
      signer: Keypair;
    }): Promise<string>;
  };
};

export async function createIdentity(plcUrl: string, handle: string, pds: string): Promise<{ did: string }> {
  const cryptoName: string = '@atproto/crypto';
  const plcName: string = '@did-plc/lib';
  const { Secp256k1Keypair } = (await import(cryptoName)) as CryptoModule;
  const { Client } = (await import(plcName)) as PlcModule;
  const key = await Secp256k1Keypair.create();
  const did = await new Client(plcUrl).createDid({
    signingKey: key.did(),
    handle,
    pds,
    rotationKeys: [key.did()],
    signer: key,
  });
  return { did };
}
