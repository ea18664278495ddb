# vault
