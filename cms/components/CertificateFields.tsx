'use client'
import { FieldDescription, FieldError, FieldLabel, useField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

/**
 * The head's PKCS#12 file, chosen on the device and sent with the form as base64 (the file is a few
 * kilobytes); it is opened and encrypted on the server, never shown back.
 */
export const CertificateFileField: TextFieldClientComponent = ({ field, path }) => {
  const { setValue, showError, errorMessage } = useField<string>({ path })
  const choose = async (file: File | undefined) => {
    if (!file) return setValue(null)
    const bytes = new Uint8Array(await file.arrayBuffer())
    setValue(btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join('')))
  }
  return (
    <div className={`field-type text${showError ? ' error' : ''}`}>
      <FieldLabel htmlFor={`field-${path}`} label={field.label} path={path} />
      <FieldError path={path} message={errorMessage} showError={showError} />
      <input id={`field-${path}`} type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={(e) => choose(e.target.files?.[0])} />
      <FieldDescription description={field.admin?.description} path={path} />
    </div>
  )
}

/** The certificate's passphrase, typed hidden; never shown back. */
export const PassphraseField: TextFieldClientComponent = ({ field, path }) => {
  const { value, setValue, showError, errorMessage } = useField<string>({ path })
  return (
    <div className={`field-type text${showError ? ' error' : ''}`}>
      <FieldLabel htmlFor={`field-${path}`} label={field.label} path={path} />
      <FieldError path={path} message={errorMessage} showError={showError} />
      <div className="field-type__wrap">
        <input
          id={`field-${path}`}
          type="password"
          autoComplete="new-password"
          value={value ?? ''}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
    </div>
  )
}
