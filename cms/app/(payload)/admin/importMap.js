import { WatchTenantCollection as WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { WitaDateCell as WitaDateCell_0afcbd89861c00551b74d4771a152b98 } from '../../../components/WitaDate'
import { WitaDateField as WitaDateField_0afcbd89861c00551b74d4771a152b98 } from '../../../components/WitaDate'
import { TenantField as TenantField_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { CertificateFileField as CertificateFileField_a2875faf8d0d857fbb33c89493ce48fe } from '../../../components/CertificateFields'
import { PassphraseField as PassphraseField_a2875faf8d0d857fbb33c89493ce48fe } from '../../../components/CertificateFields'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AssignTenantFieldTrigger as AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { RoleField as RoleField_daf905f53aa400a5739650de4c570953 } from '../../../components/RoleField'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SchedulePublishButton as SchedulePublishButton_6ced844615450f6f14fc92179dc94b13 } from '../../../components/SchedulePublishButton'
import { YesNoCell as YesNoCell_afd0d3c250076af2bc13ff5497e541bf } from '../../../components/YesNoCell'
import { RupiahCell as RupiahCell_b2d07b8ef91a6efc06b3b8cefc5908bc } from '../../../components/RupiahCell'
import { BuyerWhatsApp as BuyerWhatsApp_6d291c01169e09a9c4c561f7a1fd8c22 } from '../../../components/BuyerWhatsApp'
import { OrderTimelineRow as OrderTimelineRow_93d46956543fdf794e343ef94466e1d2 } from '../../../components/OrderTimelineRow'
import { MissingDocumentsField as MissingDocumentsField_973257e0caa283167f54da55c1cb77c0 } from '../../../components/MissingDocumentsField'
import { DueDateCell as DueDateCell_0e4e873289b1b898065de9b13b6134c1 } from '../../../components/DueDate'
import { DueDateField as DueDateField_0e4e873289b1b898065de9b13b6134c1 } from '../../../components/DueDate'
import { WhatsAppLink as WhatsAppLink_d396034b47b5dbdee43a41afb624c9c3 } from '../../../components/WhatsAppLink'
import { CorrectionNote as CorrectionNote_16699ee5ca2d9f6d99da58a5a6d8c20a } from '../../../components/CorrectionNote'
import { AnswersField as AnswersField_9a2f9bfc8092922ef5d0484d0c3ebdad } from '../../../components/AnswersField'
import { AttachmentRow as AttachmentRow_8eb26ef4710151ccc53c160d248edb98 } from '../../../components/AttachmentRow'
import { RequestTimelineRow as RequestTimelineRow_ee50f6d6681e3fca40cfa24198e17bf2 } from '../../../components/RequestTimelineRow'
import { QueueScope as QueueScope_cfae460b9d3bcf3a230b3b54a0132055 } from '../../../components/QueueScope'
import { VillageIcon as VillageIcon_4e5ca15787e2ebe4ac0c07f2a5933873 } from '../../../components/VillageLogo'
import { VillageLogo as VillageLogo_4e5ca15787e2ebe4ac0c07f2a5933873 } from '../../../components/VillageLogo'
import { VillageDocumentRedirect as VillageDocumentRedirect_0247fa1ba176074f4d914ea2e857d09b } from '../../../components/VillageDocumentRedirect'
import { RegencyNavLink as RegencyNavLink_ad31c1c921d82c75c9d8ff483ce73bb4 } from '../../../components/RegencyNavLink'
import { ShopDashboard as ShopDashboard_69e315c60ecc20bb90b2a8dad9530a49 } from '../../../components/ShopDashboard'
import { TenantSelector as TenantSelector_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { VillageSelectionProvider as VillageSelectionProvider_f37a69e14b3d31fde0b0141317e1cae2 } from '../../../components/VillageSelection'
import { RegencyDashboard as RegencyDashboard_2f09298e2f334e88188ad6d9f08a95b2 } from '../../../components/RegencyDashboard'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/plugin-multi-tenant/client#WatchTenantCollection": WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a,
  "/components/WitaDate#WitaDateCell": WitaDateCell_0afcbd89861c00551b74d4771a152b98,
  "/components/WitaDate#WitaDateField": WitaDateField_0afcbd89861c00551b74d4771a152b98,
  "@payloadcms/plugin-multi-tenant/client#TenantField": TenantField_1d0591e3cf4f332c83a86da13a0de59a,
  "/components/CertificateFields#CertificateFileField": CertificateFileField_a2875faf8d0d857fbb33c89493ce48fe,
  "/components/CertificateFields#PassphraseField": PassphraseField_a2875faf8d0d857fbb33c89493ce48fe,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/plugin-multi-tenant/client#AssignTenantFieldTrigger": AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a,
  "/components/RoleField#RoleField": RoleField_daf905f53aa400a5739650de4c570953,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/SchedulePublishButton#SchedulePublishButton": SchedulePublishButton_6ced844615450f6f14fc92179dc94b13,
  "/components/YesNoCell#YesNoCell": YesNoCell_afd0d3c250076af2bc13ff5497e541bf,
  "/components/RupiahCell#RupiahCell": RupiahCell_b2d07b8ef91a6efc06b3b8cefc5908bc,
  "/components/BuyerWhatsApp#BuyerWhatsApp": BuyerWhatsApp_6d291c01169e09a9c4c561f7a1fd8c22,
  "/components/OrderTimelineRow#OrderTimelineRow": OrderTimelineRow_93d46956543fdf794e343ef94466e1d2,
  "/components/MissingDocumentsField#MissingDocumentsField": MissingDocumentsField_973257e0caa283167f54da55c1cb77c0,
  "/components/DueDate#DueDateCell": DueDateCell_0e4e873289b1b898065de9b13b6134c1,
  "/components/DueDate#DueDateField": DueDateField_0e4e873289b1b898065de9b13b6134c1,
  "/components/WhatsAppLink#WhatsAppLink": WhatsAppLink_d396034b47b5dbdee43a41afb624c9c3,
  "/components/CorrectionNote#CorrectionNote": CorrectionNote_16699ee5ca2d9f6d99da58a5a6d8c20a,
  "/components/AnswersField#AnswersField": AnswersField_9a2f9bfc8092922ef5d0484d0c3ebdad,
  "/components/AttachmentRow#AttachmentRow": AttachmentRow_8eb26ef4710151ccc53c160d248edb98,
  "/components/RequestTimelineRow#RequestTimelineRow": RequestTimelineRow_ee50f6d6681e3fca40cfa24198e17bf2,
  "/components/QueueScope#QueueScope": QueueScope_cfae460b9d3bcf3a230b3b54a0132055,
  "/components/VillageLogo#VillageIcon": VillageIcon_4e5ca15787e2ebe4ac0c07f2a5933873,
  "/components/VillageLogo#VillageLogo": VillageLogo_4e5ca15787e2ebe4ac0c07f2a5933873,
  "/components/VillageDocumentRedirect#VillageDocumentRedirect": VillageDocumentRedirect_0247fa1ba176074f4d914ea2e857d09b,
  "/components/RegencyNavLink#RegencyNavLink": RegencyNavLink_ad31c1c921d82c75c9d8ff483ce73bb4,
  "/components/ShopDashboard#ShopDashboard": ShopDashboard_69e315c60ecc20bb90b2a8dad9530a49,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelector": TenantSelector_d6d5f193a167989e2ee7d14202901e62,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/components/VillageSelection#VillageSelectionProvider": VillageSelectionProvider_f37a69e14b3d31fde0b0141317e1cae2,
  "/components/RegencyDashboard#RegencyDashboard": RegencyDashboard_2f09298e2f334e88188ad6d9f08a95b2,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
