package pdf

import (
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"accord/data"
)

func TestQuestionnaireHTMLReachesNothingOutsideItself(t *testing.T) {
	s, e := questionnaires(t)
	for _, index := range []int{0, -1} {
		b, err := QuestionnaireHTML(s, e, index)
		if err != nil {
			t.Fatal(err)
		}
		page := strings.ToLower(string(b))
		for _, outside := range []string{"http:", "https:", "//", "src=", "@import", "url(", "<link", "<iframe", "fetch(", "xmlhttprequest"} {
			if strings.Contains(page, outside) {
				t.Errorf("questionnaire %d holds %q, which could reach outside the file", index, outside)
			}
		}
		if !strings.Contains(page, "<style>") || !strings.Contains(page, "<script>") || !strings.Contains(page, `name="viewport"`) {
			t.Errorf("questionnaire %d is not a whole page with its style and script inside, readable on a phone", index)
		}
	}
}

// filledIn is the questionnaire page as a browser runs it, with answers chosen by a script added at its
// end; the browser writes the answers file and the e-mail text it makes, and any script error, into
// the page it dumps.
func filledIn(t *testing.T, page []byte, fill string) (file, mail string) {
	t.Helper()
	browser, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed, and CI must run the page's script with it")
		}
		t.Skip("chromium is not installed: the page's script cannot be run (apt-get install chromium)")
	}
	script := `<script>
window.onerror = function (m) { document.body.setAttribute("data-error", m); };
` + fill + `
var out = document.createElement("pre"); out.id = "out"; out.textContent = window.accordAnswers.file(); document.body.appendChild(out);
var mail = document.createElement("pre"); mail.id = "mailout"; mail.textContent = window.accordAnswers.mail(); document.body.appendChild(mail);
</script></body>`
	path := filepath.Join(t.TempDir(), "questionnaire.html")
	if err := os.WriteFile(path, []byte(strings.Replace(string(page), "</body>", script, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+t.TempDir(),
		// Chromium reaches out to Google at every start unless told not to; the test machines have no network.
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
		"--dump-dom", "file://"+path).Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	dom := string(out)
	if m := regexp.MustCompile(`data-error="([^"]*)"`).FindStringSubmatch(dom); m != nil {
		t.Fatalf("the page's script failed: %s", html.UnescapeString(m[1]))
	}
	pre := func(id string) string {
		m := regexp.MustCompile(`<pre id="` + id + `">([^<]*)</pre>`).FindStringSubmatch(dom)
		if m == nil {
			t.Fatalf("the page wrote no %s:\n%s", id, dom)
		}
		return html.UnescapeString(m[1])
	}
	return pre("out"), pre("mailout")
}

func TestQuestionnaireHTMLAnswersFileRoundTripsIntoTheEvaluation(t *testing.T) {
	s, e := questionnaires(t)
	page, err := QuestionnaireHTML(s, e, 1) // Olga's, in French
	if err != nil {
		t.Fatal(err)
	}
	file, mail := filledIn(t, page, `
document.querySelector("input[name='trust'][value='4']").checked = true;
document.getElementsByName("trust-comment")[0].value = "Très bien, « merci » <3";
document.getElementsByName("benefit-comment")[0].value = "Je ne sais pas";
document.querySelector("input[name='goal-g1'][value='2']").checked = true;`)
	for name, b := range map[string]string{"answers file": file, "e-mail text": "Bonjour,\n\n" + mail + "\n\nOlga"} {
		in, err := data.ReadAnswers(s, []byte(b))
		if err != nil {
			t.Fatalf("%s refused: %v\n%s", name, err, b)
		}
		if err := in.Apply(printedOn); err != nil {
			t.Fatal(err)
		}
		olga := in.Evaluation.Respondents[1]
		if olga.Scores[data.DimTrust] != (data.Score{Value: 4, Comment: "Très bien, « merci » <3"}) ||
			olga.Scores[data.DimBenefit] != (data.Score{Comment: "Je ne sais pas"}) || len(olga.Scores) != 2 || olga.Goals["g1"].Value != 2 {
			t.Fatalf("%s: Olga's answers came back as %+v", name, olga)
		}
	}
	tampered := strings.Replace(file, `\"value\":4`, `\"value\":1`, 1)
	if _, err := data.ReadAnswers(s, []byte(tampered)); err == nil || tampered == file {
		t.Fatal("a changed answers file is taken in")
	}
}

func TestGenericQuestionnaireHTMLSaysWhomItAnswersFor(t *testing.T) {
	s, e := questionnaires(t)
	page, err := QuestionnaireHTML(s, e, -1)
	if err != nil {
		t.Fatal(err)
	}
	file, _ := filledIn(t, page, `
document.querySelectorAll("input[name='side']")[1].checked = true;
document.getElementById("role").value = "Treasurer";
document.querySelector("input[name='decisions'][value='5']").checked = true;`)
	in, err := data.ReadAnswers(s, []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if err := in.Apply(printedOn); err != nil {
		t.Fatal(err)
	}
	added := in.Evaluation.Respondents[len(in.Evaluation.Respondents)-1]
	if in.Index != -1 || added.PartnerID != e.Respondents[0].PartnerID || added.Role != "Treasurer" || added.Scores[data.DimDecisions].Value != 5 {
		t.Fatalf("the generic form's answers came back as %+v", added)
	}
}
