package data

func partner(name string) *Partner {
	return &Partner{Name: name, PartnerKind: PartnerCommunityOrg, Stage: StageActive}
}
