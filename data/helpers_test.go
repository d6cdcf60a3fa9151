package data

func partner(name string) *Partner {
	return &Partner{Name: name, PartnerKind: PartnerCommunityOrg, Stage: StageActive}
}

func titles[P Record](rs []P) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Title()
	}
	return out
}
