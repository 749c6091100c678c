import { describe, expect, it } from 'vitest'
import { parseVillageArguments } from '../../scripts/lib/villageArguments'

const codesOf = (argv: string[]) => {
  const parsed = parseVillageArguments(argv)
  return 'problems' in parsed ? parsed.problems.map((p) => p.code) : []
}

describe('the command line of npm run village:add', () => {
  it('gives the village to create, its slug from its name unless given, domains in lower case, the first admin', () => {
    expect(
      parseVillageArguments([
        '--code',
        '64.09.01.2005',
        '--name',
        ' Sukamaju Baru ',
        '--domain',
        'Sukamaju.Example.ID',
        '--domain',
        'sukamaju.ppu.go.id',
        '--kecamatan',
        'Waru',
        '--admin-email',
        'Wati@Sukamaju.id',
        '--admin-name',
        'Wati',
      ]),
    ).toEqual({
      village: {
        name: 'Sukamaju Baru',
        slug: 'sukamaju-baru',
        code: '64.09.01.2005',
        domains: ['sukamaju.example.id', 'sukamaju.ppu.go.id'],
        kecamatan: 'Waru',
        kabupaten: undefined,
        from: undefined,
        admin: { email: 'wati@sukamaju.id', name: 'Wati', language: 'id' },
      },
    })
    expect(
      parseVillageArguments(['--code', '64.09.01.2005', '--name', 'Sukamaju', '--domain', 'a.id', '--slug', 'desa-a', '--from', 'lestari']),
    ).toMatchObject({
      village: { slug: 'desa-a', from: 'lestari', admin: undefined },
    })
  })

  it('says everything that is missing or wrong at once', () => {
    expect(codesOf([])).toEqual(['villageAdd.nameMissing', 'villageAdd.codeMissing', 'villageAdd.domainMissing'])
    expect(codesOf(['--name', 'Sukamaju', '--code', '64.9.1.2005', '--domain', 'https://sukamaju.id/', '--slug', 'Suka Maju'])).toEqual([
      'villageAdd.codeInvalid',
      'villageAdd.domainInvalid',
      'villageAdd.slugInvalid',
    ])
    const base = ['--name', 'Sukamaju', '--code', '64.09.01.2005', '--domain', 'sukamaju.id']
    expect(codesOf([...base, '--admin-email', 'wati@', '--admin-language', 'jv'])).toEqual([
      'villageAdd.emailInvalid',
      'villageAdd.adminNameMissing',
      'villageAdd.languageInvalid',
    ])
  })

  it('names an unknown option, or one given without its value', () => {
    expect(parseVillageArguments(['--nama', 'Sukamaju'])).toEqual({
      problems: [{ code: 'villageAdd.unknownOption', params: { option: '--nama' } }],
    })
    expect(parseVillageArguments(['--name'])).toEqual({ problems: [{ code: 'villageAdd.unknownOption', params: { option: '--name' } }] })
  })
})
