import { generateKeyPairSync, randomBytes } from 'node:crypto'
import forge from 'node-forge'

/**
 * X.509 certificates for signing letters where no certification authority issued one: a village CA and
 * the village head's certificate under it, bundled as PKCS#12 as a real authority would hand it out.
 * Used outside production (generated into data/) and by the tests; production installs its own PKCS#12.
 */
export type CertificateAuthority = { certificatePem: string; privateKeyPem: string }
export type HeadCertificate = { p12: Buffer; passphrase: string; certificatePem: string }

const YEAR_MS = 365 * 86_400_000

const rsaKeyPair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 3072 })
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  }
}

const newCertificate = (publicKey: forge.pki.PublicKey, notBefore: Date, years: number) => {
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = publicKey
  // A positive serial number of 64 random bits.
  certificate.serialNumber = `01${randomBytes(8).toString('hex')}`
  certificate.validity.notBefore = notBefore
  certificate.validity.notAfter = new Date(notBefore.getTime() + years * YEAR_MS)
  return certificate
}

const names = (commonName: string, organization: string) => [
  { shortName: 'CN', value: commonName },
  { shortName: 'O', value: organization },
  { shortName: 'C', value: 'ID' },
]

/** A self-signed village certification authority, valid for ten years. */
export const createVillageCa = (organization: string, now = new Date()): CertificateAuthority => {
  const keys = rsaKeyPair()
  const certificate = newCertificate(keys.publicKey, now, 10)
  const subject = names(`CA ${organization}`, organization)
  certificate.setSubject(subject)
  certificate.setIssuer(subject)
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  certificate.sign(keys.privateKey, forge.md.sha256.create())
  return { certificatePem: forge.pki.certificateToPem(certificate), privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey) }
}

/** The head's signing certificate from the village CA (valid `years`), as PKCS#12 with the CA's certificate. */
export const issueHeadCertificate = (
  ca: CertificateAuthority,
  holder: { commonName: string; organization: string },
  passphrase: string,
  { now = new Date(), years = 3 } = {},
): HeadCertificate => {
  const caCertificate = forge.pki.certificateFromPem(ca.certificatePem)
  const caKey = forge.pki.privateKeyFromPem(ca.privateKeyPem)
  const keys = rsaKeyPair()
  const certificate = newCertificate(keys.publicKey, now, years)
  certificate.setSubject(names(holder.commonName, holder.organization))
  certificate.setIssuer(caCertificate.subject.attributes)
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCertificate.generateSubjectKeyIdentifier().getBytes() },
  ])
  certificate.sign(caKey, forge.md.sha256.create())
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [certificate, caCertificate], passphrase, { algorithm: 'aes256' })
  return {
    p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
    passphrase,
    certificatePem: forge.pki.certificateToPem(certificate),
  }
}

/** The signing certificate inside a PKCS#12 file (the one matching its key); throws on a wrong passphrase. */
export const certificateOfP12 = (p12: Uint8Array, passphrase: string): forge.pki.Certificate => {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(p12).toString('binary')), false, passphrase)
  const key = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]?.key
  const certificates = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).map((bag) => bag.cert!)
  const own = certificates.find((c) => key && (c.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n))
  if (!own) throw new Error('The PKCS#12 file holds no certificate matching its private key.')
  return own
}
