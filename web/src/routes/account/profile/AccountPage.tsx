import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { CountryOptionFields } from "../../../components/account/account-fields";
import { Card } from "../../../components/ui/Card";
import { LoadFailed } from "../../../components/ui/LoadFailed";
import { StatusBlock } from "../../../components/ui/Spinner";
import { graphql } from "../../../lib/graphql";
import { ChangeEmailCard } from "./ChangeEmailCard";
import { ConfirmEmailCard } from "./ConfirmEmailCard";
import { LinkedProvidersCard } from "./LinkedProvidersCard";
import { NotificationsCard } from "./NotificationsCard";
import { PictureCard } from "./PictureCard";
import { ProfileForm } from "./ProfileForm";
import { ProfileFields } from "./profile-fields";

const AccountPage_Profile = graphql(
  `
    query AccountPage_Profile {
      viewer {
        ...ProfileFields
      }
      countries {
        ...CountryOptionFields
      }
    }
  `,
  [ProfileFields, CountryOptionFields],
);

export function AccountPage() {
  const { t } = useTranslation("account");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AccountPage_Profile,
    requestPolicy: "network-only",
  });
  const viewer = data?.viewer;

  return (
    <div className="stack">
      <title>{t("profile.tabTitle")}</title>
      <Card aria-labelledby="profile-title">
        {error && !data ? (
          <LoadFailed
            className="stack"
            title={t("profile.loadFailed")}
            error={error}
            onRetry={() => reexecute({ requestPolicy: "network-only" })}
          />
        ) : fetching && !data ? (
          <StatusBlock label={t("profile.loading")} />
        ) : viewer ? (
          <>
            <div className="profile-head">
              {viewer.picture ? (
                <img className="profile-avatar" src={viewer.picture} alt="" />
              ) : (
                <span className="profile-avatar" aria-hidden="true">
                  {initials(viewer.name)}
                </span>
              )}
              <div>
                <h2 id="profile-title">{viewer.name}</h2>
                <p className="muted">{viewer.email}</p>
              </div>
            </div>
            <dl className="details">
              <dt>{t("profile.email")}</dt>
              <dd>
                {viewer.email}
                {viewer.emailVerified ? (
                  <span className="pill pill-success">{t("profile.verified")}</span>
                ) : (
                  <span className="pill pill-muted">{t("profile.notVerified")}</span>
                )}
              </dd>
              <dt>{t("profile.sub")}</dt>
              <dd>
                <code data-testid="viewer-sub">{viewer.sub}</code>
              </dd>
            </dl>
          </>
        ) : null}
      </Card>
      {viewer && !viewer.emailVerified ? (
        <ConfirmEmailCard email={viewer.email} onConfirmed={() => reexecute({ requestPolicy: "network-only" })} />
      ) : null}
      {viewer ? (
        <PictureCard picture={viewer.picture} onChanged={() => reexecute({ requestPolicy: "network-only" })} />
      ) : null}
      {/* Keyed on the picture too, so the form never saves back the URL an upload replaced. */}
      {viewer && data ? (
        <ProfileForm key={`${viewer.id} ${viewer.picture}`} viewer={viewer} countries={data.countries} />
      ) : null}
      {viewer ? <ChangeEmailCard email={viewer.email} /> : null}
      {viewer ? <LinkedProvidersCard /> : null}
      {viewer ? <NotificationsCard /> : null}
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part?.charAt(0).toUpperCase()).join("") || "?";
}
